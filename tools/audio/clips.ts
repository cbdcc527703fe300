/**
 * Renders the clips of the step streams ahead of time, in the stream format (src/audio/mp3.ts):
 * - locally and in CI with espeak-ng and ffmpeg (Debian: `apt-get install espeak-ng ffmpeg`);
 * - at deploy time with Amazon Polly's neural voices (SynthesizeSpeech over HTTPS, signed by src/audio/sigv4.ts),
 *   written to the clip bucket (S3 PutObject).
 * Both pass through the same ffmpeg step: leading and trailing silence trimmed (so a clip's sound starts where the
 * stream puts it), 24 kHz mono, LAME at 48 kbps CBR, with its Info frame (encoder delay) and no ID3 tag.
 * Which clips: every clip of every step of every routine, for every hold length, pace and leave-out choice.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { clipText, distinctClips, type Clip, type StreamPlan } from '../../src/core/audio-plan.js';
import { HOLD_LENGTHS, ROUTINE_IDS } from '../../src/core/content/types.js';
import { planRoutine } from '../../src/core/plan.js';
import { PACES } from '../../src/core/timeline.js';
import { CLIP_PREFIX, clipKey } from '../../src/audio/clips.js';
import { signAwsRequest, type AwsCredentials } from '../../src/audio/sigv4.js';
import { planStream, prefsOf, streamParams, type StreamParams } from '../../src/audio/stream.js';

const run = promisify(execFile);

/** Every step stream's plan for a locale and voice, across the preferences that change words or cues. */
export async function allStreamPlans(locale: string, voice: string, only?: Partial<Pick<StreamParams, 'hold' | 'pace' | 'leaveOut' | 'light'>>): Promise<StreamPlan[]> {
  const plans: StreamPlan[] = [];
  for (const routine of ROUTINE_IDS) {
    for (const hold of only?.hold ? [only.hold] : HOLD_LENGTHS) {
      for (const pace of only?.pace ? [only.pace] : PACES) {
        for (const leaveOut of only?.leaveOut !== undefined ? [only.leaveOut] : [false, true]) {
          const prefs = prefsOf({ hold, pace, chimes: true, countdown: true });
          // Every step firm and light: a light step (after pain, or a session made light) says the gentle cues.
          // ... and for a first and a returning run (the full setup, or the short one).
          for (const light of only?.light !== undefined ? [only.light] : [false, true]) {
            for (const returning of [false, true]) {
              for (const step of planRoutine(routine, prefs, leaveOut).steps) plans.push(await planStream(streamParams(routine, step.index, prefs, leaveOut, locale, voice, light, returning)));
            }
          }
        }
      }
    }
  }
  return plans;
}

/** The stream format's encoder settings, from any audio ffmpeg reads (stdin). */
/** The stream format's encoder settings (src/audio/clips.ts CLIP_FORMAT), for speech and the chime alike. */
const ENCODE = ['-ar', '24000', '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '48k', '-map_metadata', '-1', '-id3v2_version', '0', '-f', 'mp3'];
const NORMALISE = [
  '-hide_banner', '-loglevel', 'error', '-i', 'pipe:0',
  '-af', 'silenceremove=start_periods=1:start_threshold=-50dB,areverse,silenceremove=start_periods=1:start_threshold=-50dB,areverse',
  ...ENCODE,
];

/**
 * Runs ffmpeg with its output in a file: the muxer writes the Info frame's frame count and LAME padding when it
 * can seek back to it at the end, which a pipe cannot.
 */
async function ffmpegToMp3(args: readonly string[], input?: Uint8Array): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'clip-'));
  try {
    const out = join(dir, 'clip.mp3');
    await pipe('ffmpeg', [...args, '-y', out], input);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pipe(command: string, args: readonly string[], input?: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`${command} exited ${code}: ${Buffer.concat(err).toString().slice(0, 400)}`))));
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}

/** Any audio to the stream format (ffmpeg). */
export const normalise = (audio: Uint8Array): Promise<Buffer> => ffmpegToMp3(NORMALISE, audio);

/**
 * The chime of the press and release cues. The skill's SSML uses a sound-library bell that cannot be downloaded,
 * so the streams have their own: a struck bell (two partials, decaying), 1.2 s, quiet beside the voice.
 */
export async function renderSound(src: string): Promise<Buffer> {
  if (!src.includes('chime')) throw new Error(`no stream rendering for sound ${src}`);
  const bell = 'aevalsrc=0.35*sin(2*PI*880*t)*exp(-3.5*t)+0.15*sin(2*PI*2217*t)*exp(-6*t):s=24000:d=1.2';
  return ffmpegToMp3(['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', bell, ...ENCODE]);
}

/** A TTS: the clip's SSML (inside `<speak>`) to audio in any format ffmpeg reads. */
export type Tts = (ssml: string) => Promise<Uint8Array>;

/** espeak-ng reading the SSML (its `-m` mode), as WAV. */
export const espeakTts = (voice: string): Tts => (ssml) => pipe('espeak-ng', ['-v', voice, '-m', '--stdout', `<speak>${ssml}</speak>`]);

/** The fields of Polly's SynthesizeSpeech this renderer sends (https://docs.aws.amazon.com/polly/latest/dg/API_SynthesizeSpeech.html). */
export interface SynthesizeSpeechInput {
  readonly Engine: 'neural';
  readonly OutputFormat: 'mp3';
  readonly SampleRate: '24000';
  readonly Text: string;
  readonly TextType: 'ssml';
  readonly VoiceId: string;
}
export interface PollyClient { synthesizeSpeech(input: SynthesizeSpeechInput): Promise<Uint8Array> }

/** Polly: neural voice, MP3 at 24 kHz (the stream's rate), SSML in. */
export const pollyTts = (client: PollyClient, voiceId: string): Tts => (ssml) =>
  client.synthesizeSpeech({ Engine: 'neural', OutputFormat: 'mp3', SampleRate: '24000', Text: `<speak>${ssml}</speak>`, TextType: 'ssml', VoiceId: voiceId });

interface HttpTarget { readonly region: string; readonly credentials: AwsCredentials; readonly endpoint?: string }

async function awsFetch(target: HttpTarget, service: 's3' | 'polly', method: 'GET' | 'HEAD' | 'PUT' | 'POST', url: URL, body?: Uint8Array | string, headers: Record<string, string> = {}): Promise<Response> {
  const signed = signAwsRequest({ method, host: url.host, path: url.pathname, service, region: target.region, headers, ...(body === undefined ? {} : { body }), credentials: target.credentials, nowMs: Date.now() });
  delete signed.Host; // fetch sets it
  delete signed['Content-Length'];
  return fetch(url, { method, headers: signed, ...(body === undefined ? {} : { body }) });
}

/** Polly's SynthesizeSpeech REST call (POST /v1/speech), signed with SigV4. */
export function httpPollyClient(target: HttpTarget): PollyClient {
  return {
    async synthesizeSpeech(input) {
      const url = new URL('/v1/speech', target.endpoint ?? `https://polly.${target.region}.amazonaws.com`);
      const res = await awsFetch(target, 'polly', 'POST', url, JSON.stringify(input), { 'Content-Type': 'application/json' });
      if (!res.ok) throw new Error(`Polly answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

/** Where rendered clips go: a folder, or the clip bucket. */
export interface ClipStore {
  has(key: string): Promise<boolean>;
  put(key: string, mp3: Uint8Array): Promise<void>;
}

export function dirClipStore(dir: string): ClipStore {
  mkdirSync(dir, { recursive: true });
  return {
    has: async (key) => existsSync(join(dir, key)),
    // Written aside and renamed, so a reader (or a second renderer of the same folder) never sees half a clip.
    put: async (key, mp3) => { const tmp = join(dir, `.${key}.${process.pid}`); writeFileSync(tmp, mp3); renameSync(tmp, join(dir, key)); },
  };
}

/** S3 PutObject / HeadObject under clips/, path-style when an endpoint is given (a fake). */
export function s3ClipStore(bucket: string, target: HttpTarget): ClipStore {
  const url = (key: string) => (target.endpoint ? new URL(`/${bucket}/${CLIP_PREFIX}${key}`, target.endpoint) : new URL(`https://${bucket}.s3.${target.region}.amazonaws.com/${CLIP_PREFIX}${key}`));
  return {
    async has(key) {
      const res = await awsFetch(target, 's3', 'HEAD', url(key));
      if (res.status === 200) return true;
      if (res.status === 404 || res.status === 403) return false;
      throw new Error(`S3 HEAD ${key}: ${res.status}`);
    },
    async put(key, mp3) {
      const res = await awsFetch(target, 's3', 'PUT', url(key), mp3, { 'Content-Type': 'audio/mpeg' });
      if (!res.ok) throw new Error(`S3 PUT ${key}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    },
  };
}

export interface RenderResult { readonly rendered: number; readonly kept: number }

/** Renders every clip the store lacks, `concurrency` at a time; a clip's key is its content, so a present clip is kept. */
export async function renderClips(clips: readonly Clip[], voice: string, tts: Tts, store: ClipStore, concurrency = 2): Promise<RenderResult> {
  let rendered = 0;
  let kept = 0;
  const queue = [...clips];
  const worker = async () => {
    for (let clip = queue.shift(); clip; clip = queue.shift()) {
      const key = clipKey(voice, clipText(clip));
      if (await store.has(key)) { kept += 1; continue; }
      const mp3 = clip.kind === 'sound' ? await renderSound(clip.src) : await normalise(await tts(clip.ssml));
      await store.put(key, mp3);
      rendered += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { rendered, kept };
}

/** Every distinct clip of a locale's streams (all routines, holds, paces, choices). */
export async function clipsOf(locale: string, voice: string, only?: Parameters<typeof allStreamPlans>[2]): Promise<Clip[]> {
  return distinctClips(await allStreamPlans(locale, voice, only));
}

/** Whether the local renderer's tools are installed. */
export async function haveLocalRenderer(): Promise<boolean> {
  try {
    await run('espeak-ng', ['--version']);
    await run('ffmpeg', ['-hide_banner', '-version']);
    return true;
  } catch {
    return false;
  }
}
