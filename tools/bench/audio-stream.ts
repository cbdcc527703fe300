/**
 * Bench: time to first byte of a cold step-stream request (src/audio/handler.ts). A fresh process on Lambda's
 * Node 22 loads the stream function's bundle (built as the stack builds it) and answers one signed URL for the
 * longest step at the default preferences (BL60, 5 minutes), reading its clips from a loopback S3 (signed GETs)
 * or from a folder. With a buffered function URL, the first byte leaves when the handler returns: load + handler
 * is the time to first byte, less the network. Clips are espeak-ng renders (npm run clips), cached.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIO_BUNDLE } from '../../infra/bundling.js';
import { streamParams, streamVoice } from '../../src/audio/stream.js';
import { signedStreamUrl } from '../../src/audio/url.js';
import { DEFAULT_PREFERENCES } from '../../src/core/timeline.js';
import { clipsOf, dirClipStore, espeakTts, haveLocalRenderer, renderClips } from '../audio/clips.js';
import { median } from './stats.js';
import { buildLambdaBundle } from '../build.mjs';

export interface AudioStreamBench { readonly runs: number; readonly bytes: number; readonly rows: readonly { name: string; p50Ms: number; maxMs: number; loadMs: number }[] }

const KEY = 'bench-audio-url-key-0123456789abcdef0123';

export async function benchAudioStream(out: string, node: string, runs = 10): Promise<AudioStreamBench | undefined> {
  if (!(await haveLocalRenderer())) { console.log('\nAudio stream: not measured (espeak-ng and ffmpeg are needed to render clips)'); return undefined; }
  const dir = join(tmpdir(), 'foot-acupressure-bench-clips');
  const voice = streamVoice('en-US', 'espeak');
  await renderClips(await clipsOf('en-US', voice, { hold: 'standard', pace: 'normal', leaveOut: false }), voice, espeakTts('en-us'), dirClipStore(dir));
  const bundle = await buildLambdaBundle(AUDIO_BUNDLE.entry, join(out, 'audio'));
  const url = new URL(signedStreamUrl('https://bench.lambda-url.us-east-1.on.aws', streamParams('ankle', 2, DEFAULT_PREFERENCES, false, 'en-US', voice), KEY, Math.floor(Date.now() / 1000) + 3600));
  const event = JSON.stringify({ rawPath: url.pathname, rawQueryString: url.search.slice(1), headers: {}, requestContext: { http: { method: 'GET' } } });
  const s3 = createServer((req, res) => {
    const key = /\/clips\/([0-9a-f]{40}\.mp3)$/.exec(req.url ?? '')?.[1];
    try { res.writeHead(200).end(readFileSync(join(dir, key ?? 'none'))); } catch { res.writeHead(404).end(); }
  });
  await new Promise<void>((resolve) => s3.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(s3.address() as AddressInfo).port}`;
  const script = `
    const t0 = performance.now();
    const { audio } = require(${JSON.stringify(bundle.file)});
    const t1 = performance.now();
    audio(${event}).then((r) => process.stdout.write(JSON.stringify({ status: r.statusCode, bytes: Buffer.byteLength(r.body, 'base64'), loadMs: t1 - t0, totalMs: performance.now() - t0 })));`;
  const cases = [
    ['cold stream request, clips from S3 (loopback, signed GETs)', { CLIPS_BUCKET: 'bench', AWS_ENDPOINT_URL_S3: endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDBENCH', AWS_SECRET_ACCESS_KEY: 'bench' }],
    ['cold stream request, clips from a folder (CLIPS_DIR)', { CLIPS_DIR: dir }],
  ] as const;
  const results = new Map<string, { totalMs: number; loadMs: number; bytes: number }[]>(cases.map(([name]) => [name, []]));
  // Asynchronous, so the loopback S3 in this process answers while the child waits on it.
  const runChild = (env: Record<string, string>) => new Promise<string>((resolve, reject) => {
    execFile(node, ['-e', script], { env: { PATH: process.env.PATH ?? '', AUDIO_URL_KEY: KEY, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8' },
      (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
  try {
    for (let i = 0; i < runs; i += 1) {
      for (const [name, env] of cases) {
        const r = JSON.parse(await runChild({ ...env })) as { status: number; bytes: number; loadMs: number; totalMs: number };
        if (r.status !== 200) throw new Error(`${name}: status ${r.status}`);
        results.get(name)?.push(r);
      }
    }
  } finally {
    s3.close();
  }
  const rows = cases.map(([name]) => {
    const rs = results.get(name) ?? [];
    return { name, p50Ms: median(rs.map((r) => r.totalMs)), maxMs: Math.max(...rs.map((r) => r.totalMs)), loadMs: median(rs.map((r) => r.loadMs)) };
  });
  const bytes = results.get(cases[0][0])?.[0]?.bytes ?? 0;
  console.log(`\nAudio stream (BL60, ${(bytes / 1e6).toFixed(2)} MB of MP3; bundle ${(bundle.bytes / 1024).toFixed(0)} KiB), ${runs} fresh processes each, time to first byte = load + handler:`);
  for (const r of rows) console.log(`  ${r.name.padEnd(58)} p50 ${r.p50Ms.toFixed(0)} ms (load ${r.loadMs.toFixed(0)} ms), max ${r.maxMs.toFixed(0)} ms`);
  return { runs, bytes, rows };
}
