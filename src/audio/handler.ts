/**
 * The stream function: a Lambda function URL (payload format 2.0) that answers a signed step-stream URL with
 * the step's MP3 (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html).
 * - GET: `audio/mpeg`, base64 in the body (`isBase64Encoded`), within Lambda's 6 MB response (a buffered
 *   function URL, https://docs.aws.amazon.com/lambda/latest/api/API_FunctionUrlConfig.html); the longest
 *   stream (a 10-minute step at long holds) is about 3.9 MB, 5.2 MB in base64.
 * - `Range: bytes=…`: 206 with Content-Range (416 when unsatisfiable); HEAD: the headers alone.
 * - The URL must carry a valid expiry and HMAC signature (./url.ts, AUDIO_URL_KEY); anything else is 403.
 * Clips come from CLIPS_DIR or the clip bucket (CLIPS_BUCKET). Not part of the skill's bundle path: the skill
 * imports ./url.ts only.
 */
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { errorFields, log } from '../alexa/log.js';
import type { ClipSource } from './clips.js';
import { verifyStreamRequest, type StreamParams } from './url.js';

/**
 * What makes a stream (plan, clips, MP3, S3), loaded by the first request that passed the signature check: when
 * the skill's bundle exports this handler too (src/index.ts), none of it runs on the skill's cold start.
 */
const renderer = () => Promise.all([import('./stream.js'), import('./clips.js')]).then(([stream, clips]) => ({ ...stream, ...clips }));

/** Largest body sent, in bytes: 6 MB of response less base64's third and room for the headers. */
export const MAX_BODY_BYTES = 4_400_000;

type Result = LambdaFunctionURLResult & { statusCode: number; headers: Record<string, string> };

const plain = (statusCode: number, message: string, extra: Record<string, string> = {}): Result =>
  ({ statusCode, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra }, body: message });


/** The last streams made, by parameters: a device's range requests for one stream come one after another. */
const recent = new Map<string, Uint8Array>();
const RECENT = 4;

async function streamBytes(params: StreamParams, source: ClipSource): Promise<Uint8Array> {
  const id = JSON.stringify(params);
  let bytes = recent.get(id);
  if (!bytes) {
    bytes = (await (await renderer()).renderStream(params, source)).bytes;
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value as string);
    recent.set(id, bytes);
  }
  return bytes;
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` of a body of `size`: the inclusive range, 'bad' when unsatisfiable, undefined to send all. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'bad' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined; // multiple ranges or another unit: the whole body (RFC 9110 allows it)
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return 'bad';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'bad';
  return { start, end };
}

const header = (event: LambdaFunctionURLEvent, name: string) => event.headers?.[name] ?? Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

/**
 * The `audio` function URL handler. Lambda calls it as `handler(event, context)`: the clock is read here, never taken
 * from a second argument (a context object as `nowMs` made every expiry check NaN, so expired URLs played).
 */
export async function audio(event: LambdaFunctionURLEvent): Promise<LambdaFunctionURLResult> {
  return serveStream(event, Date.now());
}

/** Answers a stream request at a given time (the handler's clock, or a test's). */
export async function serveStream(event: LambdaFunctionURLEvent, nowMs: number): Promise<LambdaFunctionURLResult> {
  const started = Date.now();
  const method = event.requestContext?.http?.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'GET or HEAD', { Allow: 'GET, HEAD' });
  const verdict = verifyStreamRequest(event.rawPath ?? '', event.rawQueryString ?? '', process.env.AUDIO_URL_KEY, Math.floor(nowMs / 1000));
  if (!verdict.ok) {
    log('warn', 'audio.refused', { reason: verdict.reason });
    return plain(403, 'Forbidden');
  }
  const { sourceFromEnv, ClipMissingError, StreamNotFoundError } = await renderer();
  const source = sourceFromEnv();
  if (!source) {
    log('error', 'audio.no_clip_source', { reason: 'neither CLIPS_DIR nor CLIPS_BUCKET is set' });
    return plain(500, 'Not configured');
  }
  let bytes: Uint8Array;
  try {
    bytes = await streamBytes(verdict.params, source);
  } catch (error) {
    const missing = error instanceof StreamNotFoundError || error instanceof ClipMissingError;
    log(missing ? 'warn' : 'error', missing ? 'audio.not_found' : 'audio.failed', errorFields(error));
    return plain(missing ? 404 : 502, missing ? 'Not found' : 'Clips unavailable');
  }
  const size = bytes.length;
  const headers: Record<string, string> = {
    'Content-Type': 'audio/mpeg', 'Accept-Ranges': 'bytes',
    // The same URL always gives the same bytes until it expires.
    'Cache-Control': `private, max-age=${Math.max(0, verdict.expiresAtS - Math.floor(nowMs / 1000))}, immutable`,
  };
  const range = parseRange(header(event, 'range'), size);
  if (range === 'bad') return plain(416, 'Range not satisfiable', { 'Content-Range': `bytes */${size}` });
  const start = range?.start ?? 0;
  let end = range?.end ?? size - 1;
  if (end - start + 1 > MAX_BODY_BYTES) {
    if (!range) { log('error', 'audio.too_large', { size }); return plain(502, 'Stream too large'); }
    end = start + MAX_BODY_BYTES - 1; // a shorter 206 than asked for: the client asks for the rest
  }
  const status = range ? 206 : 200;
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  headers['Content-Length'] = String(end - start + 1);
  log('info', 'audio.served', { method, status, bytes: end - start + 1, ms: Date.now() - started });
  if (method === 'HEAD') return { statusCode: status, headers, body: '', isBase64Encoded: false };
  return { statusCode: status, headers, body: Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start + 1).toString('base64'), isBase64Encoded: true };
}
