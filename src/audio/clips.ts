/**
 * Where a stream's clips come from, and what they are called. A clip is named by a hash of the voice, the
 * stream format and its exact text (`clipKey`), so a copy edit or a new voice makes new names and never plays
 * a stale recording. Production reads them from the clip bucket (S3 GetObject over node:https, signed by
 * ./sigv4.ts); locally and in CI `CLIPS_DIR` points at a folder rendered by `npm run clips` (espeak-ng).
 */
import type * as Crypto from 'node:crypto';
import type * as Https from 'node:https';
import type { RequestOptions } from 'node:https';
import { credentialsFromEnv, signAwsRequest, type AwsCredentials } from './sigv4.js';

/** Names the clip format in every key: changing the format renames every clip. */
export const CLIP_FORMAT = 'mp3-mpeg2-24000hz-mono-48kbps';
/** Folder of the clips in the bucket. */
export const CLIP_PREFIX = 'clips/';

/** The file name of a clip: a hash of voice, format and text (`sound:<src>` for sounds). */
export function clipKey(voice: string, clipText: string): string {
  return `${(process.getBuiltinModule('node:crypto') as typeof Crypto).createHash('sha256').update(`${voice}\n${CLIP_FORMAT}\n${clipText}`).digest('hex').slice(0, 40)}.mp3`;
}

export class ClipMissingError extends Error {}

export interface ClipSource {
  /** The clip's MP3 file; ClipMissingError when there is none. */
  get(key: string): Promise<Uint8Array>;
  readonly describe: string;
}

/** Clips from a folder (CLIPS_DIR). */
export function dirSource(dir: string): ClipSource {
  return {
    describe: `folder ${dir}`,
    async get(key) {
      const { readFile } = await import('node:fs/promises');
      try {
        return await readFile(`${dir}/${key}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ClipMissingError(`clip ${key} is not in ${dir}: run npm run clips -- ${dir}`);
        throw error;
      }
    },
  };
}

export interface S3SourceOptions {
  readonly bucket: string;
  readonly region: string;
  /** A path-style endpoint (tests: a loopback fake); otherwise https://<bucket>.s3.<region>.amazonaws.com. */
  readonly endpoint?: string;
  readonly credentials: () => AwsCredentials | undefined;
  /** Time allowed for one attempt, in ms. */
  readonly attemptTimeoutMs?: number;
  readonly now?: () => number;
}

const agents = new Map<string, Https.Agent>();

/** Clips from the bucket: S3 GetObject, signed, two attempts (the second only after a 5xx or a network error). */
export function s3Source(options: S3SourceOptions): ClipSource {
  const base = new URL(options.endpoint ?? `https://${options.bucket}.s3.${options.region}.amazonaws.com`);
  const pathStyle = options.endpoint !== undefined;
  const mod = process.getBuiltinModule(base.protocol === 'https:' ? 'node:https' : 'node:http') as typeof Https;
  let agent = agents.get(base.protocol);
  if (!agent) agents.set(base.protocol, (agent = new mod.Agent({ keepAlive: true, maxSockets: 16 })));
  const attempt = (key: string): Promise<{ status: number; body: Buffer }> => new Promise((resolve, reject) => {
    const credentials = options.credentials();
    if (!credentials) { reject(new Error('no AWS credentials in the environment')); return; }
    const path = `${pathStyle ? `${base.pathname.replace(/\/$/, '')}/${options.bucket}` : ''}/${CLIP_PREFIX}${key}`;
    const headers = signAwsRequest({ method: 'GET', host: base.host, path, service: 's3', region: options.region, credentials, nowMs: (options.now ?? Date.now)() });
    const request: RequestOptions = { method: 'GET', protocol: base.protocol, hostname: base.hostname, port: base.port || undefined, path, headers, agent };
    const req = mod.request(request, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(options.attemptTimeoutMs ?? 2_000, () => req.destroy(new Error(`S3 GET ${key} timed out`)));
    req.on('error', reject);
    req.end();
  });
  return {
    describe: `bucket ${options.bucket}`,
    async get(key) {
      for (let tries = 1; ; tries += 1) {
        let answer: { status: number; body: Buffer };
        try {
          answer = await attempt(key);
        } catch (error) {
          if (tries >= 2) throw error;
          continue; // a network error or a timeout: once more
        }
        const { status, body } = answer;
        if (status === 200) return body;
        if (status === 404 || status === 403) throw new ClipMissingError(`clip ${key}: S3 answered ${status}`); // 403: a missing key without ListBucket
        // Only a 5xx is worth a second try; any other answer would be the same again.
        if (status < 500 || tries >= 2) throw new Error(`clip ${key}: S3 answered ${status}`);
      }
    },
  };
}

/** The clip source the environment names: CLIPS_DIR, else CLIPS_BUCKET in AWS_REGION (AWS_ENDPOINT_URL_S3 for a fake). */
export function sourceFromEnv(env: NodeJS.ProcessEnv = process.env): ClipSource | undefined {
  if (env.CLIPS_DIR) return dirSource(env.CLIPS_DIR);
  if (!env.CLIPS_BUCKET) return undefined;
  return s3Source({
    bucket: env.CLIPS_BUCKET, region: env.AWS_REGION ?? 'us-east-1',
    ...(env.AWS_ENDPOINT_URL_S3 ? { endpoint: env.AWS_ENDPOINT_URL_S3 } : {}),
    credentials: () => credentialsFromEnv(env),
  });
}
