/**
 * The audio renderer's pure half: one step of a routine, laid out by the same pacing as SSML and APL
 * (paceResponse, without the response's budget), becomes a list of pre-rendered clips and the exact silence
 * between them. No timing of its own: a cue's onset is the plan's (the step's anchor plus the cue's planned
 * offset); only words that are not cues (the introduction, "well done") follow the clip before them.
 * The clips' real lengths come in as data (measured from the rendered MP3 by src/audio), so the layout is
 * exact to the frame where SSML can only estimate.
 */
import type { RoutineId } from './content/types.js';
import { introAt, paceResponse, type Chime, type PaceWords, type Segment } from './pacing.js';
import type { RoutinePlan } from './plan.js';
import { renderSsml, type SpeechPart } from './speech.js';
import type { Preferences } from './timeline.js';
import { findPointMs, paceWords, type Device } from './turn.js';
import type { Voice } from './voice.js';


/** One pre-rendered piece of a stream: words (as SSML, the text a TTS renders) or a sound. */
export type Clip =
  | { readonly kind: 'speech'; readonly ssml: string }
  | { readonly kind: 'sound'; readonly src: string };

/** A clip's identity for a renderer: the exact text a TTS is given, or the sound's source. */
export const clipText = (clip: Clip): string => (clip.kind === 'speech' ? clip.ssml : `sound:${clip.src}`);

export interface PlannedClip {
  readonly clip: Clip;
  /** Silence asked for before the clip (a pause of the speech), in ms; replaced by the plan when the clip is a cue. */
  readonly pauseMs: number;
  /** The clip starts a cue: its onset is the anchor plus `planMs - anchorPlanMs`. */
  readonly cue?: { readonly cue: string; readonly planMs: number };
  /** The step's plan clock starts right before this clip (after its pause). */
  readonly anchor?: boolean;
}

/** One step's stream, before the clips' lengths are known. */
export interface StreamPlan {
  readonly stepIndex: number;
  readonly clips: readonly PlannedClip[];
  /** Plan time at the anchor (0 for a step from its start). */
  readonly anchorPlanMs: number;
  /** Length of the step's timeline, in ms (0 when untimed). */
  readonly durationMs: number;
  /** Silence after the last clip, in ms. */
  readonly tailMs: number;
}

/**
 * The words of a step stream: the skill's own words (`paceWords`, src/core/turn.ts) on a device that plays audio,
 * so no "say next" prompt (the stream carries on) and every cue in the wording the spoken routine gives it.
 */
export function streamWords(voice: Voice, routineId: RoutineId, prefs: Preferences, leaveOut: boolean | undefined, plan: RoutinePlan, returning = false): PaceWords {
  return paceWords(voice, routineId, { prefs, ...(leaveOut === undefined ? {} : { leaveOut }), ...(returning ? { progress: { returning } } : {}) }, plan, STREAM_DEVICE);
}

/** The device a stream is rendered for: no screen, audio that carries on by itself. */
const STREAM_DEVICE: Device = { screen: false, audio: true };

export interface StepStreamInput {
  readonly plan: RoutinePlan;
  readonly stepIndex: number;
  readonly words: PaceWords;
  readonly voice: Pick<Voice, 'rate'>;
  readonly prefs: Preferences;
  readonly chime?: Chime;
}

/** One whole step, from its introduction to its last word, laid out by the pacing engine without a response budget. */
export function stepSegment(input: StepStreamInput): Segment {
  return paceResponse({
    plan: input.plan, entry: introAt(input.stepIndex), lead: [], words: input.words, rate: input.voice.rate,
    ...(input.prefs.chimes && input.chime ? { chime: input.chime } : {}),
    findPointMs: findPointMs(input.prefs.pace),
    stopAtStepEnd: true, unbounded: true,
  });
}

/**
 * A segment's parts as clips: adjacent words make one clip (so a cue and the words after it are one piece of
 * speech), a sound is a clip of its own, pauses become silence, and the cue onsets and the step's anchor are
 * carried over from the segment by their part index.
 */
export function streamPlan(segment: Segment, ratePercent = 100): StreamPlan {
  const step = segment.steps[0];
  const cueAt = new Map(segment.onsets.filter((o) => o.stepIndex === step?.stepIndex).map((o) => [o.part, o] as const));
  const clips: PlannedClip[] = [];
  let run: SpeechPart[] = [];
  let runStart = 0;
  let pending = 0;
  let pauseBeforeRun = 0;
  const meta = (i: number) => {
    const onset = cueAt.get(i);
    return { ...(onset ? { cue: { cue: onset.cue, planMs: onset.plannedMs } } : {}), ...(step && step.part === i ? { anchor: true } : {}) };
  };
  const flush = () => {
    if (!run.length) return;
    const ssml = renderSsml(run, { ratePercent });
    if (ssml) clips.push({ clip: { kind: 'speech', ssml }, pauseMs: pauseBeforeRun, ...meta(runStart) });
    else pending += pauseBeforeRun;
    run = [];
  };
  segment.parts.forEach((part, i) => {
    const starts = cueAt.has(i) || step?.part === i;
    if (starts) flush();
    switch (part.kind) {
      case 'pause':
        flush();
        pending += part.ms;
        break;
      case 'audio':
        flush();
        clips.push({ clip: { kind: 'sound', src: part.src }, pauseMs: pending, ...meta(i) });
        pending = 0;
        break;
      default:
        if (!run.length) { runStart = i; pauseBeforeRun = pending; pending = 0; }
        run.push(part);
    }
  });
  flush();
  return { stepIndex: step?.stepIndex ?? segment.next?.stepIndex ?? 0, clips, anchorPlanMs: step?.planStartMs ?? 0, durationMs: step?.durationMs ?? 0, tailMs: pending };
}

/** What the renderer knows of a rendered clip. */
export interface ClipLength {
  /** Length of the clip's frames in the stream, in ms (a whole number of frames). */
  readonly ms: number;
  /** From the start of its frames to its first sound, in ms (the codec's delay). */
  readonly leadMs: number;
}

export interface PlacedClip {
  readonly clip: Clip;
  /** Where the clip's frames start, ms from the stream start (a multiple of the frame length). */
  readonly startMs: number;
  /** Where its sound starts: `startMs + leadMs`. */
  readonly onsetMs: number;
  /** Where its frames end. */
  readonly endMs: number;
  /** For a cue: where the plan puts its onset, ms from the stream start. */
  readonly plannedMs?: number;
  readonly cue?: string;
}

export interface StreamLayout {
  readonly clips: readonly PlacedClip[];
  /** Stream time of the step's anchor (plan time `anchorPlanMs`), in ms. */
  readonly anchorMs: number;
  readonly durationMs: number;
}

/**
 * Places the clips on the stream's clock, on a grid of `frameMs` (MP3 frames: silence is whole frames).
 * A cue starts where the plan puts it (its sound within half a frame of it); any other clip follows the one
 * before it after its pause. A cue whose planned time has passed (the words before it ran long) starts at once.
 */
export function layoutStream(plan: StreamPlan, lengthOf: (clip: Clip) => ClipLength, frameMs: number): StreamLayout {
  const grid = (ms: number) => Math.max(0, Math.round(ms / frameMs)) * frameMs;
  const placed: PlacedClip[] = [];
  let end = 0;
  let anchorMs = 0;
  for (const item of plan.clips) {
    const length = lengthOf(item.clip);
    const free = end + grid(item.pauseMs);
    if (item.anchor) anchorMs = free;
    let start = free;
    let plannedMs: number | undefined;
    if (item.cue) {
      plannedMs = anchorMs + item.cue.planMs - plan.anchorPlanMs;
      start = Math.max(end, grid(plannedMs - length.leadMs));
    }
    placed.push({ clip: item.clip, startMs: start, onsetMs: start + length.leadMs, endMs: start + length.ms, ...(plannedMs === undefined ? {} : { plannedMs, cue: item.cue?.cue as string }) });
    end = start + length.ms;
  }
  return { clips: placed, anchorMs, durationMs: end + grid(plan.tailMs) };
}

/** Every distinct clip of a list of stream plans, in first-use order. */
export function distinctClips(plans: readonly StreamPlan[]): Clip[] {
  const seen = new Map<string, Clip>();
  for (const plan of plans) for (const { clip } of plan.clips) if (!seen.has(clipText(clip))) seen.set(clipText(clip), clip);
  return [...seen.values()];
}

/** A step stream's clock as the skill knows it: where the step's plan time starts, and its cues, in stream time. */
export interface StreamClock {
  readonly stepIndex: number;
  /** Stream time (ms from the stream's start) at which the step's plan time `anchorPlanMs` is reached. */
  readonly anchorMs: number;
  readonly anchorPlanMs: number;
  /** Length of the step's timeline, in ms. */
  readonly durationMs: number;
  /** Every cue's onset, in plan time, in order. */
  readonly cuePlanMs: readonly number[];
}

/**
 * The clock of one step's stream, from the same layout the stream function renders (`stepSegment`): the words before
 * the step's first press are timed by estimate, and from the first press on every cue sits where the plan puts it,
 * so stream time and plan time advance together.
 */
export function streamClock(input: StepStreamInput): StreamClock {
  const segment = stepSegment(input);
  const step = segment.steps.find((s) => s.stepIndex === input.stepIndex);
  const cuePlanMs = segment.onsets.filter((o) => o.stepIndex === input.stepIndex).map((o) => o.plannedMs);
  return { stepIndex: input.stepIndex, anchorMs: Math.round(step?.realStartMs ?? 0), anchorPlanMs: step?.planStartMs ?? 0, durationMs: step?.durationMs ?? 0, cuePlanMs };
}

/** Where a stream's offset is in the step's plan: `atMs` (0 during the introduction), and the last cue's onset before it, in stream time. */
export interface StreamPlace {
  readonly atMs: number;
  /** Stream time of the last cue said at or before the offset (0 before the first: the step from its start). */
  readonly lastCueMs: number;
}

/**
 * A stream offset (the device's `offsetInMilliseconds`) as plan time in its step.
 * @example streamPlace(clock, clock.anchorMs + 35_000).atMs // 35_000 from the first press
 */
export function streamPlace(clock: StreamClock, offsetMs: number): StreamPlace {
  const raw = clock.anchorPlanMs + Math.max(0, offsetMs) - clock.anchorMs;
  const atMs = Math.round(Math.min(clock.durationMs, Math.max(0, raw)));
  return { atMs: raw < 0 ? 0 : atMs, lastCueMs: streamOffset(clock, atMs) };
}

/**
 * Where to start a step's stream to pick up at a plan time: at the onset of the last cue at or before it (the user
 * hears the instruction again, as a resumed spoken routine repeats it), or from the stream's start before the first.
 */
export function streamOffset(clock: StreamClock, atMs: number): number {
  const cue = clock.cuePlanMs.filter((ms) => ms <= atMs).at(-1);
  if (cue === undefined || atMs <= 0) return 0;
  return Math.max(0, Math.round(clock.anchorMs + cue - clock.anchorPlanMs));
}
