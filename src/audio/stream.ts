/**
 * One step stream: the step laid out by the core (src/core/audio-plan.ts) from the same plan and words as the
 * spoken routine, its clips read from the clip source, placed to the frame and joined (./mp3.ts).
 * A pure function of its parameters and the clips; the function keeps the last streams and clips it made.
 */
import { clipText, distinctClips, layoutStream, stepSegment, streamPlan, streamWords, type Clip, type StreamLayout, type StreamPlan } from '../core/audio-plan.js';
import { planRoutine } from '../core/plan.js';
import type { Preferences } from '../core/timeline.js';
import { loadVoice } from '../alexa/i18n.js';
import { clipKey, type ClipSource } from './clips.js';
import { FRAME_MS, joinFrames, leadMsOf, parseClip, type ParsedClip } from './mp3.js';
import type { StreamParams } from './url.js';

export type { StreamParams } from './url.js';

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
  ({ holdLength: p.hold, chimes: p.chimes, countdown: p.countdown, pace: p.pace, waitBetweenSteps: false });

/** The parameters of a step stream from what the skill holds: routine, step, the user's preferences and choice, locale. */
export function streamParams(routine: StreamParams['routine'], step: number, prefs: Preferences, leaveOut: boolean | undefined, locale: string, voice = streamVoice(locale)): StreamParams {
  return { routine, step, hold: prefs.holdLength, chimes: prefs.chimes, countdown: prefs.countdown, pace: prefs.pace, leaveOut: leaveOut === true, locale, voice };
}

export class StreamNotFoundError extends Error {}

/** The stream's plan (no I/O but the words, which the voice loads once). */
export async function planStream(params: StreamParams): Promise<StreamPlan> {
  const voice = await loadVoice(params.locale, params.pace);
  const prefs = prefsOf(params);
  const plan = planRoutine(params.routine, prefs, params.leaveOut);
  if (!plan.steps.some((s) => s.index === params.step)) throw new StreamNotFoundError(`step ${params.step} is not an active step of ${params.routine}`);
  const segment = stepSegment({ plan, stepIndex: params.step, words: streamWords(voice, params.routine, prefs, params.leaveOut, plan), voice, prefs, chime: voice.chime });
  return streamPlan(segment, voice.ratePercent);
}

export interface RenderedStream {
  readonly bytes: Uint8Array;
  readonly plan: StreamPlan;
  readonly layout: StreamLayout;
}

/** Parsed clips by key, kept for the container's life (a clip never changes under its key). */
const parsed = new Map<string, Promise<ParsedClip>>();
const MAX_PARSED = 2_000;

function clipOf(source: ClipSource, key: string): Promise<ParsedClip> {
  const id = `${source.describe}|${key}`;
  let clip = parsed.get(id);
  if (!clip) {
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
    clip = source.get(key).then(parseClip);
    clip.catch(() => parsed.delete(id));
    parsed.set(id, clip);
  }
  return clip;
}

/** Renders a step stream: every clip fetched at once, placed by the core, joined with silent frames. */
export async function renderStream(params: StreamParams, source: ClipSource): Promise<RenderedStream> {
  const plan = await planStream(params);
  const clips = distinctClips([plan]);
  const byText = new Map<string, ParsedClip>();
  await Promise.all(clips.map(async (clip: Clip) => { byText.set(clipText(clip), await clipOf(source, clipKey(params.voice, clipText(clip)))); }));
  const get = (clip: Clip) => byText.get(clipText(clip)) as ParsedClip;
  const layout = layoutStream(plan, (clip) => { const p = get(clip); return { ms: p.frameCount * FRAME_MS, leadMs: leadMsOf(p) }; }, FRAME_MS);
  const bytes = joinFrames(layout.clips.map((c) => ({ clip: get(c.clip), startMs: c.startMs })), layout.durationMs);
  return { bytes, plan, layout };
}
