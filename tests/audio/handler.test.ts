/**
 * The stream function as a function URL calls it (payload format 2.0): signed URLs only, GET with a base64
 * MP3 body, Range → 206, HEAD, and clips read from a folder (CLIPS_DIR) or from S3 (a loopback fake that
 * checks each request's SigV4 signature with aws4).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import aws4 from 'aws4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audio, parseRange, serveStream } from '../../src/audio/handler.js';
import { dirSource } from '../../src/audio/clips.js';
import { renderStream, streamParams } from '../../src/audio/stream.js';
import { signedStreamUrl, STREAM_PATH } from '../../src/audio/url.js';
import { DEFAULT_PREFERENCES } from '../../src/core/timeline.js';
import { withEnv } from '../support/env.js';
import { decode, ensureClips } from './support.js';

const KEY = 'k'.repeat(20) + '-test-key-of-enough-bytes';
const BASE = 'https://abc123.lambda-url.us-east-1.on.aws/';
const NOW_S = 1_800_000_000;

let voice = '';
let dir = '';
beforeAll(async () => { ({ voice, dir } = await ensureClips('en-US')); }, 120_000);

const params = () => streamParams('ankle', 0, DEFAULT_PREFERENCES, false, 'en-US', voice);

/** The event a function URL sends for a URL (payload format 2.0). */
function eventFor(url: string, method = 'GET', headers: Record<string, string> = {}): LambdaFunctionURLEvent {
  const u = new URL(url);
  return {
    version: '2.0', routeKey: '$default', rawPath: u.pathname, rawQueryString: u.search.slice(1), headers: { host: u.host, ...headers },
    requestContext: { http: { method, path: u.pathname, protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'test' } },
    isBase64Encoded: false,
  } as unknown as LambdaFunctionURLEvent;
}

type Res = Exclude<LambdaFunctionURLResult, string> & { statusCode: number; headers: Record<string, string>; body: string };
const call = (event: LambdaFunctionURLEvent, env: Record<string, string | undefined> = {}) =>
  withEnv({ AUDIO_URL_KEY: KEY, CLIPS_DIR: dir, CLIPS_BUCKET: undefined, ...env }, () => serveStream(event, NOW_S * 1000)) as Promise<Res>;
const bodyOf = (res: Res) => Buffer.from(res.body, 'base64');

describe('signed stream URLs', () => {
  const url = () => signedStreamUrl(BASE, params(), KEY, NOW_S + 3600);

  it('signs the path and every parameter, with an expiry', () => {
    const u = new URL(url());
    expect(u.origin + u.pathname).toBe(`${BASE.replace(/\/$/, '')}${STREAM_PATH}`);
    expect(Object.fromEntries(u.searchParams)).toMatchObject({ r: 'ankle', s: '0', h: 'standard', c: '1', d: '1', p: 'normal', l: '0', loc: 'en-US', v: voice, e: String(NOW_S + 3600) });
    expect(u.searchParams.get('sig')).toMatch(/^[\w-]{43}$/);
  });

  it('refuses anything but a valid signature before its expiry (403)', async () => {
    const good = url();
    const tamper = (edit: (u: URL) => void) => { const u = new URL(good); edit(u); return u.toString(); };
    const cases: [string, string, Record<string, string | undefined>?][] = [
      ['no signature', tamper((u) => u.searchParams.delete('sig'))],
      ['a wrong signature', tamper((u) => u.searchParams.set('sig', `${(u.searchParams.get('sig') as string).slice(0, -2)}AA`))],
      ['another step', tamper((u) => u.searchParams.set('s', '1'))],
      ['another routine', tamper((u) => u.searchParams.set('r', 'heel'))],
      ['a later expiry', tamper((u) => u.searchParams.set('e', String(NOW_S + 99_999)))],
      ['an added parameter', tamper((u) => u.searchParams.append('x', '1'))],
      ['a repeated parameter', tamper((u) => u.searchParams.append('s', '0'))],
      ['another path', tamper((u) => { u.pathname = '/other.mp3'; })],
      ['an expired URL', signedStreamUrl(BASE, params(), KEY, NOW_S - 1)],
      ['another key', signedStreamUrl(BASE, params(), `${KEY}x`, NOW_S + 60)],
      ['no key in the function', good, { AUDIO_URL_KEY: undefined }],
      ['a short key in the function', good, { AUDIO_URL_KEY: 'short' }],
    ];
    for (const [what, bad, env] of cases) {
      const res = await call(eventFor(bad), env);
      expect(res.statusCode, what).toBe(403);
      expect(res.headers['Content-Type'], what).not.toBe('audio/mpeg');
    }
    expect((await call(eventFor(good))).statusCode).toBe(200);
  });

  it('as Lambda calls it, handler(event, context): an expired URL is refused by the real clock, not a context taken for a time', async () => {
    const expired = eventFor(signedStreamUrl(BASE, params(), KEY, Math.floor(Date.now() / 1000) - 60));
    const lambdaContext = { awsRequestId: 'c0ffee', functionName: 'audio', getRemainingTimeInMillis: () => 10_000 };
    const invoke = audio as unknown as (event: LambdaFunctionURLEvent, context: unknown) => Promise<Res>;
    const res = await withEnv({ AUDIO_URL_KEY: KEY, CLIPS_DIR: dir, CLIPS_BUCKET: undefined }, () => invoke(expired, lambdaContext));
    expect(res.statusCode).toBe(403);
  });

  it('will not sign with a short key', () => {
    expect(() => signedStreamUrl(BASE, params(), 'short', NOW_S)).toThrow(/AUDIO_URL_KEY/);
  });
});

describe('the stream function', () => {
  const url = () => signedStreamUrl(BASE, params(), KEY, NOW_S + 3600);

  it('GET: the step stream as audio/mpeg, base64, the same bytes as the renderer, a playable MP3', async () => {
    const res = await call(eventFor(url()));
    expect(res.statusCode).toBe(200);
    expect(res.isBase64Encoded).toBe(true);
    expect(res.headers).toMatchObject({ 'Content-Type': 'audio/mpeg', 'Accept-Ranges': 'bytes' });
    const body = bodyOf(res);
    expect(res.headers['Content-Length']).toBe(String(body.length));
    const expected = await renderStream(params(), dirSource(dir));
    expect(body.equals(Buffer.from(expected.bytes))).toBe(true);
    expect((await decode(body)).durationMs).toBeCloseTo(expected.layout.durationMs, -2);
    expect(res.body.length).toBeLessThan(6 * 1024 * 1024);
  });

  it('Range: 206 with Content-Range for a range, an open range and a suffix; 416 past the end', async () => {
    const whole = bodyOf(await call(eventFor(url())));
    const size = whole.length;
    const r1 = await call(eventFor(url(), 'GET', { range: 'bytes=100-299' }));
    expect(r1.statusCode).toBe(206);
    expect(r1.headers['Content-Range']).toBe(`bytes 100-299/${size}`);
    expect(bodyOf(r1).equals(whole.subarray(100, 300))).toBe(true);
    const r2 = await call(eventFor(url(), 'GET', { range: `bytes=${size - 10}-` }));
    expect(r2.headers['Content-Range']).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect(bodyOf(r2).equals(whole.subarray(size - 10))).toBe(true);
    const r3 = await call(eventFor(url(), 'GET', { range: 'bytes=-144' }));
    expect(bodyOf(r3).equals(whole.subarray(size - 144))).toBe(true);
    const r4 = await call(eventFor(url(), 'GET', { range: `bytes=${size}-` }));
    expect(r4.statusCode).toBe(416);
    expect(r4.headers['Content-Range']).toBe(`bytes */${size}`);
    expect(parseRange('bytes=0-0', 5)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=2-99', 5)).toEqual({ start: 2, end: 4 });
    expect(parseRange('items=0-1', 5)).toBeUndefined();
  });

  it('HEAD: the headers of GET, no body', async () => {
    const head = await call(eventFor(url(), 'HEAD'));
    const get = await call(eventFor(url()));
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['Content-Length']).toBe(get.headers['Content-Length']);
    expect(head.headers['Content-Type']).toBe('audio/mpeg');
    expect((await call(eventFor(url(), 'POST'))).statusCode).toBe(405);
  });

  it('a signed URL for a step the plan does not have is 404; clips that are not there, 404 too', async () => {
    const leftOut = signedStreamUrl(BASE, streamParams('ankle', 2, DEFAULT_PREFERENCES, true, 'en-US', voice), KEY, NOW_S + 60); // BL60 is left out
    expect((await call(eventFor(leftOut))).statusCode).toBe(404);
    const otherVoice = signedStreamUrl(BASE, streamParams('ankle', 0, DEFAULT_PREFERENCES, false, 'en-US', 'polly:Joanna'), KEY, NOW_S + 60);
    expect((await call(eventFor(otherVoice))).statusCode).toBe(404);
  });
});

describe('clips from S3 (a loopback fake that checks SigV4 as S3 would)', () => {
  let server: Server;
  let endpoint = '';
  const seen: { path: string; ok: boolean }[] = [];
  const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'token/with+chars=' };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '';
      // Recompute the signature with aws4 from what arrived: same method, path, host, date and credentials.
      const resigned = aws4.sign({ host: req.headers.host, path, method: req.method, service: 's3', region: 'eu-west-1',
        headers: { 'X-Amz-Date': req.headers['x-amz-date'] as string, 'X-Amz-Content-Sha256': req.headers['x-amz-content-sha256'] as string } }, credentials);
      const ok = resigned.headers?.Authorization === req.headers.authorization && req.headers['x-amz-security-token'] === credentials.sessionToken;
      seen.push({ path, ok });
      if (!ok) { res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>'); return; }
      const m = /^\/clip-bucket\/clips\/([0-9a-f]{40}\.mp3)$/.exec(path);
      try {
        const body = m ? readFileSync(join(dir, m[1] as string)) : undefined;
        if (!body) throw new Error('no key');
        res.writeHead(200, { 'Content-Type': 'audio/mpeg', 'Content-Length': body.length }).end(body);
      } catch {
        res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads every clip of a stream with signed GetObject requests and answers the same bytes as the folder', async () => {
    const env = { CLIPS_DIR: undefined, CLIPS_BUCKET: 'clip-bucket', AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL_S3: endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey, AWS_SESSION_TOKEN: credentials.sessionToken };
    const p = streamParams('heel', 1, DEFAULT_PREFERENCES, false, 'en-US', voice);
    const res = await call(eventFor(signedStreamUrl(BASE, p, KEY, NOW_S + 60)), env);
    expect(res.statusCode).toBe(200);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((s) => s.ok)).toBe(true);
    expect(bodyOf(res).equals(Buffer.from((await renderStream(p, dirSource(dir))).bytes))).toBe(true);
    const wrong = await call(eventFor(signedStreamUrl(BASE, streamParams('heel', 2, DEFAULT_PREFERENCES, false, 'en-US', voice), KEY, NOW_S + 60)),
      { ...env, AWS_SECRET_ACCESS_KEY: 'not-the-secret' });
    expect(wrong.statusCode).toBe(404); // S3 refuses the signature: the clip cannot be read
    expect(seen.at(-1)?.ok).toBe(false);
  });
});

describe('clips from S3: which answers are tried again', () => {
  it('a 5xx or a dropped connection once more; a 4xx never (it would answer the same)', async () => {
    const { createServer } = await import('node:http');
    const { s3Source } = await import('../../src/audio/clips.js');
    for (const [status, expected] of [[400, 1], [503, 2], [404, 1]] as const) {
      let requests = 0;
      const server = createServer((_req, res) => { requests += 1; res.writeHead(status); res.end(); });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };
      const source = s3Source({ bucket: 'b', region: 'eu-west-1', endpoint: `http://127.0.0.1:${port}`, credentials: () => ({ accessKeyId: 'a', secretAccessKey: 's' }) });
      await expect(source.get('clips/x.mp3')).rejects.toThrow(String(status));
      server.close();
      expect(requests, `S3 answering ${status}`).toBe(expected);
    }
  });
});
