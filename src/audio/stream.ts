/**
 * One step stream: the step laid out by the core (src/core/audio-plan.ts) from the same plan and words as the
 * spoken routine, its clips read from the clip source, placed to the frame and joined (./mp3.ts).
 * A pure function of its parameters and the clips; the function keeps the last streams and clips it made.
 */
import { clipText, distinctClips, layoutStream, stepSegment, streamPlan, streamWords, type Clip, type StreamLayout, type StreamPlan } from '../core/audio-plan.js';
import { withLightSteps } from '../core/lighter.js';
import { planRoutine } from '../core/plan.js';
import { loadVoice } from '../alexa/i18n.js';
import { clipKey, type ClipSource } from './clips.js';
import { FRAME_MS, joinFrames, leadMsOf, parseClip, type ParsedClip } from './mp3.js';
import { prefsOf, type StreamParams } from './url.js';

export { ESPEAK_VOICES, POLLY_VOICES, prefsOf, streamParams, streamVoice, type StreamParams } from './url.js';

export class StreamNotFoundError extends Error {}

/** The stream's plan (no I/O but the words, which the voice loads once). */
export async function planStream(params: StreamParams): Promise<StreamPlan> {
  const voice = await loadVoice(params.locale, params.pace);
  const prefs = prefsOf(params);
  const planned = planRoutine(params.routine, prefs, params.leaveOut);
  const plan = params.light ? withLightSteps(planned, [params.step]) : planned;
  if (!plan.steps.some((s) => s.index === params.step)) throw new StreamNotFoundError(`step ${params.step} is not an active step of ${params.routine}`);
  const segment = stepSegment({ plan, stepIndex: params.step, words: streamWords(voice, params.routine, prefs, params.leaveOut, plan, params.returning), voice, prefs, chime: voice.chime });
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
