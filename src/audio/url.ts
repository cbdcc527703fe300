/**
 * Signed stream URLs. The stream function's URL is public (auth NONE: an Alexa device fetching an
 * AudioPlayer stream sends no AWS credentials), so every stream URL carries an expiry and an HMAC-SHA256
 * over its path and parameters, made with AUDIO_URL_KEY (shared by the skill, which signs, and the stream
 * function, which checks). Anything else is refused with 403. Light on purpose: the skill imports this
 * module (node:crypto only), never the stream handler.
 */
import type * as Crypto from 'node:crypto';
import { HOLD_LENGTHS, ROUTINE_IDS, type HoldLength, type RoutineId } from '../core/content/types.js';
import { PACES, type Pace, type Preferences } from '../core/timeline.js';

/** Everything a step stream is a function of. */
export interface StreamParams {
  readonly routine: RoutineId;
  /** Index of the step in the routine (an active step of the plan). */
  readonly step: number;
  readonly hold: HoldLength;
  readonly chimes: boolean;
  readonly countdown: boolean;
  readonly pace: Pace;
  readonly leaveOut: boolean;
  /** The step at light pressure (after pain, or a session made light by a health disclosure): no firm cue in it. */
  readonly light: boolean;
  /** A returning run (the routine done before): the step's short setup (src/core/turn.ts paceWords). */
  readonly returning: boolean;
  readonly locale: string;
  /** The clips' voice, e.g. `polly:Joanna` or `espeak:en-us` (src/audio/voices.ts). */
  readonly voice: string;
}

/**
 * The voice of each locale's clips. Polly neural voices, female like Alexa's own, each native to its market
 * (Amazon Polly available voices: https://docs.aws.amazon.com/polly/latest/dg/available-voices.html; Joanna,
 * Amy, Olivia, Kajal, Vicki, Lucia and Léa have neural variants). Canada has no Polly voice of its own: Joanna.
 */
export const POLLY_VOICES: Readonly<Record<string, string>> = {
  'en-US': 'Joanna', 'en-CA': 'Joanna', 'en-GB': 'Amy', 'en-AU': 'Olivia', 'en-IN': 'Kajal', 'de-DE': 'Vicki', 'es-ES': 'Lucia', 'fr-FR': 'Lea',
};
/** espeak-ng's voice for each locale (local and CI rendering). */
export const ESPEAK_VOICES: Readonly<Record<string, string>> = {
  'en-US': 'en-us', 'en-CA': 'en-us', 'en-GB': 'en-gb', 'en-AU': 'en-gb', 'en-IN': 'en-gb', 'de-DE': 'de', 'es-ES': 'es', 'fr-FR': 'fr-fr',
};

/** The voice id of a locale's clips: `polly:<VoiceId>` in production, `espeak:<voice>` locally. */
export function streamVoice(locale: string, engine: 'polly' | 'espeak' = 'polly'): string {
  return engine === 'polly' ? `polly:${POLLY_VOICES[locale] ?? 'Joanna'}` : `espeak:${ESPEAK_VOICES[locale] ?? 'en-us'}`;
}

export const prefsOf = (p: Pick<StreamParams, 'hold' | 'chimes' | 'countdown' | 'pace'>): Preferences =>
  ({ holdLength: p.hold, chimes: p.chimes, countdown: p.countdown, pace: p.pace, waitBetweenSteps: false, audio: true });

/** The parameters of a step stream from what the skill holds: routine, step, the user's preferences and choice, locale. */
export function streamParams(routine: StreamParams['routine'], step: number, prefs: Preferences, leaveOut: boolean | undefined, locale: string, voice = streamVoice(locale), light = false, returning = false): StreamParams {
  return { routine, step, hold: prefs.holdLength, chimes: prefs.chimes, countdown: prefs.countdown, pace: prefs.pace, leaveOut: leaveOut === true, light, returning, locale, voice };
}

/** The path of every stream; the signature covers it. */
export const STREAM_PATH = '/step.mp3';
/** Shortest key accepted, in bytes: HMAC-SHA256 wants at least its output length. */
export const MIN_KEY_BYTES = 32;

/** node:crypto, loaded on the first signature: this module is in the skill's bundle, whose cold start stays without it. */
const crypto = () => process.getBuiltinModule('node:crypto') as typeof Crypto;

const bit = (b: boolean) => (b ? '1' : '0');

function queryOf(params: StreamParams, expiresAtS: number): [string, string][] {
  return [
    ['c', bit(params.chimes)], ['d', bit(params.countdown)], ['e', String(Math.floor(expiresAtS))], ['g', bit(params.light)], ['h', params.hold],
    ['l', bit(params.leaveOut)], ['loc', params.locale], ['p', params.pace], ['r', params.routine], ['s', String(params.step)], ['t', bit(params.returning)], ['v', params.voice],
  ];
}

/** The signed string: the path, then every parameter but the signature, sorted by name, percent-encoded. */
function canonical(path: string, pairs: readonly (readonly [string, string])[]): string {
  const sorted = [...pairs].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return `${path}?${sorted.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

const mac = (key: string, data: string) => crypto().createHmac('sha256', key).update(data).digest('base64url');

/**
 * A stream URL for the skill's AudioPlayer.Play: `base` is AUDIO_BASE_URL (the function URL), `key` AUDIO_URL_KEY,
 * `expiresAtS` the end of its validity in seconds since the epoch (e.g. now + the routine's length + a margin).
 * @example signedStreamUrl(process.env.AUDIO_BASE_URL, streamParams(...), process.env.AUDIO_URL_KEY, nowS + 3 * 3600)
 */
export function signedStreamUrl(base: string, params: StreamParams, key: string, expiresAtS: number): string {
  if (Buffer.byteLength(key) < MIN_KEY_BYTES) throw new Error(`AUDIO_URL_KEY must have at least ${MIN_KEY_BYTES} bytes`);
  const pairs = queryOf(params, expiresAtS);
  const sig = mac(key, canonical(STREAM_PATH, pairs));
  const query = [...pairs, ['sig', sig]].map(([k, v]) => `${encodeURIComponent(k as string)}=${encodeURIComponent(v as string)}`).join('&');
  return `${base.replace(/\/+$/, '')}${STREAM_PATH}?${query}`;
}

export type Verdict = { readonly ok: true; readonly params: StreamParams; readonly expiresAtS: number } | { readonly ok: false; readonly reason: string };

const isBit = (v: string | undefined): v is '0' | '1' => v === '0' || v === '1';

/** Checks a request's path and query string: signature, expiry, then the parameters' shape. */
export function verifyStreamRequest(rawPath: string, rawQuery: string, key: string | undefined, nowS: number): Verdict {
  if (!key || Buffer.byteLength(key) < MIN_KEY_BYTES) return { ok: false, reason: 'no key' };
  if (rawPath !== STREAM_PATH) return { ok: false, reason: 'path' };
  const pairs = [...new URLSearchParams(rawQuery)];
  const sigs = pairs.filter(([k]) => k === 'sig');
  if (sigs.length !== 1) return { ok: false, reason: 'signature' };
  const rest = pairs.filter(([k]) => k !== 'sig');
  const expected = Buffer.from(mac(key, canonical(rawPath, rest)));
  const given = Buffer.from((sigs[0] as [string, string])[1]);
  if (given.length !== expected.length || !crypto().timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  const q = new Map(rest);
  if (rest.length !== q.size) return { ok: false, reason: 'repeated parameter' };
  const expiresAtS = Number(q.get('e'));
  // Fails closed: a clock that is not a number (NaN compares false) never lets a URL through.
  if (!Number.isInteger(expiresAtS) || !(nowS <= expiresAtS)) return { ok: false, reason: 'expired' };
  const [routine, hold, pace, step] = [q.get('r'), q.get('h'), q.get('p'), Number(q.get('s'))];
  const [c, d, g, l, t, locale, voice] = [q.get('c'), q.get('d'), q.get('g'), q.get('l'), q.get('t'), q.get('loc'), q.get('v')];
  if (!ROUTINE_IDS.includes(routine as RoutineId) || !HOLD_LENGTHS.includes(hold as HoldLength) || !PACES.includes(pace as Pace)
    || !Number.isInteger(step) || step < 0 || !isBit(c) || !isBit(d) || !(g === undefined || isBit(g)) || !(t === undefined || isBit(t)) || !isBit(l) || !locale || !voice
    // A URL signed before streams had `g` (light pressure) and `t` (a returning run) is still good until it expires:
    // it plays firm and with the full setup, as it was made.
    || q.size !== 10 + (g === undefined ? 0 : 1) + (t === undefined ? 0 : 1)) {
    return { ok: false, reason: 'parameters' };
  }
  return {
    ok: true, expiresAtS,
    params: { routine: routine as RoutineId, step, hold: hold as HoldLength, chimes: c === '1', countdown: d === '1', pace: pace as Pace, leaveOut: l === '1', light: g === '1', returning: t === '1', locale, voice },
  };
}
