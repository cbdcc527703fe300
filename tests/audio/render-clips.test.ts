/**
 * The deploy-time renderer (tools/clips.mts --polly): Polly's SynthesizeSpeech and S3's PutObject/HeadObject
 * over HTTP, signed (checked by a loopback fake with aws4, as the services would), with a fake Polly that
 * answers what Polly answers (MP3 at 24 kHz, here made with espeak-ng and ffmpeg); and the clips' format.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import aws4 from 'aws4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIP_PREFIX, clipKey } from '../../src/audio/clips.js';
import { parseClip } from '../../src/audio/mp3.js';
import { signAwsRequest } from '../../src/audio/sigv4.js';
import { streamVoice } from '../../src/audio/stream.js';
import { clipText } from '../../src/core/audio-plan.js';
import { clipsOf, dirClipStore, httpPollyClient, pollyTts, renderClips, s3ClipStore, type PollyClient, type SynthesizeSpeechInput } from '../../tools/audio/clips.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

/** What Polly answers: speech as MP3 at the asked sample rate (espeak-ng, then ffmpeg at 24 kHz, like Polly's bytes). */
function pollyLikeMp3(text: string): Uint8Array {
  const wav = execFileSync('espeak-ng', ['-v', 'en-us', '-m', '--stdout', text], { maxBuffer: 64 << 20 });
  return execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-ar', '24000', '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '48k', '-f', 'mp3', 'pipe:1'], { input: wav, maxBuffer: 64 << 20 });
}

describe('SigV4 for S3 and Polly', () => {
  it('writes the headers aws4 writes for an S3 GET and PUT and a Polly POST (same time, same credentials)', () => {
    const nowMs = Date.UTC(2026, 11, 7, 12, 0, 0);
    const amzDate = '20261207T120000Z';
    const cases = [
      { method: 'GET' as const, service: 's3' as const, host: 'b.s3.us-east-1.amazonaws.com', path: '/clips/ab.mp3', body: '' },
      { method: 'PUT' as const, service: 's3' as const, host: 'b.s3.us-east-1.amazonaws.com', path: '/clips/ab.mp3', body: 'ID3 bytes', headers: { 'Content-Type': 'audio/mpeg' } },
      { method: 'POST' as const, service: 'polly' as const, host: 'polly.us-east-1.amazonaws.com', path: '/v1/speech', body: '{"Text":"Füße"}', headers: { 'Content-Type': 'application/json' } },
    ];
    for (const c of cases) {
      for (const creds of [credentials, { ...credentials, sessionToken: 'FQoG/token+=' }]) {
        const ours = signAwsRequest({ ...c, region: 'us-east-1', credentials: creds, nowMs });
        const theirs = aws4.sign({ host: c.host, path: c.path, method: c.method, service: c.service, region: 'us-east-1', body: c.body,
          headers: { ...c.headers, 'X-Amz-Date': amzDate, ...(c.service === 's3' ? { 'X-Amz-Content-Sha256': ours['X-Amz-Content-Sha256'] as string } : {}) } }, creds);
        expect(ours.Authorization, `${c.method} ${c.service}`).toBe(theirs.headers?.Authorization);
      }
    }
  });
});

describe('clips rendered by Polly', () => {
  let server: Server;
  let endpoint = '';
  const objects = new Map<string, Buffer>();
  const calls: { service: string; method: string; ok: boolean; body?: SynthesizeSpeechInput }[] = [];

  const read = (req: IncomingMessage) => new Promise<Buffer>((resolve) => { const c: Buffer[] = []; req.on('data', (d: Buffer) => c.push(d)); req.on('end', () => resolve(Buffer.concat(c))); });

  beforeAll(async () => {
    server = createServer((req, res) => {
      void read(req).then((body) => {
        const path = req.url ?? '';
        const service = path.startsWith('/v1/speech') ? 'polly' : 's3';
        const signedHeaders: Record<string, string> = { 'X-Amz-Date': req.headers['x-amz-date'] as string };
        if (req.headers['content-type']) signedHeaders['Content-Type'] = req.headers['content-type'];
        if (service === 's3') signedHeaders['X-Amz-Content-Sha256'] = req.headers['x-amz-content-sha256'] as string;
        const resigned = aws4.sign({ host: req.headers.host, path, method: req.method, service, region: 'eu-west-1', body: body.length || req.method === 'PUT' || req.method === 'POST' ? body : undefined, headers: signedHeaders }, credentials);
        const ok = resigned.headers?.Authorization === req.headers.authorization;
        if (!ok) { calls.push({ service, method: req.method ?? '', ok }); res.writeHead(403).end('SignatureDoesNotMatch'); return; }
        if (service === 'polly') {
          const input = JSON.parse(body.toString()) as SynthesizeSpeechInput;
          calls.push({ service, method: req.method ?? '', ok, body: input });
          if (input.Engine !== 'neural' || input.OutputFormat !== 'mp3' || input.SampleRate !== '24000' || input.TextType !== 'ssml' || !input.Text.startsWith('<speak>')) {
            res.writeHead(400).end('ValidationException'); return;
          }
          res.writeHead(200, { 'Content-Type': 'audio/mpeg' }).end(pollyLikeMp3(input.Text));
          return;
        }
        calls.push({ service, method: req.method ?? '', ok });
        if (req.method === 'PUT') { objects.set(path, body); res.writeHead(200).end(); return; }
        res.writeHead(objects.has(path) ? 200 : 404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('renders each clip once through Polly (neural, MP3 24 kHz, SSML) into the bucket, in the stream format', async () => {
    const voice = streamVoice('en-US', 'polly');
    const clips = (await clipsOf('en-US', voice, { hold: 'standard', pace: 'normal', leaveOut: false })).filter((c) => c.kind === 'sound' || c.ssml.length < 40).slice(0, 4);
    expect(clips.some((c) => c.kind === 'sound')).toBe(true);
    const target = { region: 'eu-west-1', credentials, endpoint };
    const first = await renderClips(clips, voice, pollyTts(httpPollyClient(target), 'Joanna'), s3ClipStore('clip-bucket', target));
    expect(first).toEqual({ rendered: 4, kept: 0 });
    expect(calls.every((c) => c.ok)).toBe(true);
    const speech = calls.filter((c) => c.service === 'polly');
    expect(speech.length).toBe(clips.filter((c) => c.kind === 'speech').length);
    expect(speech.every((c) => c.body?.VoiceId === 'Joanna')).toBe(true);
    for (const clip of clips) {
      const stored = objects.get(`/clip-bucket/${CLIP_PREFIX}${clipKey(voice, clipText(clip))}`);
      expect(stored, clipText(clip)).toBeDefined();
      const parsed = parseClip(stored as Buffer);
      expect(parsed.header).toMatchObject({ version: 2, sampleRate: 24_000, kbps: 48, mono: true });
      expect(parsed.encoderDelay).toBe(576); // LAME's, from the Info frame the renderer keeps
    }
    const again = await renderClips(clips, voice, pollyTts(httpPollyClient(target), 'Joanna'), s3ClipStore('clip-bucket', target));
    expect(again).toEqual({ rendered: 0, kept: 4 });
    await expect(renderClips(clips.slice(0, 1), 'polly:Other', pollyTts(httpPollyClient({ ...target, credentials: { ...credentials, secretAccessKey: 'x' } }), 'Joanna'),
      s3ClipStore('clip-bucket', { ...target, credentials: { ...credentials, secretAccessKey: 'x' } }))).rejects.toThrow(/403/);
  });

  it('a fake Polly client: the same request fields, and a folder store', async () => {
    const seen: SynthesizeSpeechInput[] = [];
    const fake: PollyClient = { synthesizeSpeech: async (input) => { seen.push(input); return pollyLikeMp3(input.Text); } };
    const dir = mkdtempSync(join(tmpdir(), 'clips-'));
    const clips = (await clipsOf('de-DE', streamVoice('de-DE'), { hold: 'short', pace: 'slow', leaveOut: true })).filter((c) => c.kind === 'speech')
      .sort((a, b) => clipText(a).length - clipText(b).length).slice(0, 2);
    await renderClips(clips, streamVoice('de-DE'), pollyTts(fake, 'Vicki'), dirClipStore(dir));
    expect(seen.map((s) => s.VoiceId)).toEqual(['Vicki', 'Vicki']);
    expect(seen.every((s) => s.Text.includes('<prosody rate="85%">'))).toBe(true); // the slow pace is in the clip's SSML
    expect(readdirSync(dir).sort()).toEqual(clips.map((c) => clipKey(streamVoice('de-DE'), clipText(c))).sort());
    expect(parseClip(readFileSync(join(dir, readdirSync(dir)[0] as string))).frameCount).toBeGreaterThan(10);
  });
});
