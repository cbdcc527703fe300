import { MAX_AUDIO_TAGS, MAX_RESPONSE_AUDIO_MS, TURN_GAP_MS } from './limits.js';
import { estimateMs, pause, type Speech, type SpeechPart, type SpeechRate } from './speech.js';
import type { Boundary, CueId, TimedCue } from './timeline.js';

export interface Chime {
  readonly src: string;
  /** Estimated length of the sound, in ms. */
  readonly ms: number;
}

export interface PaceInput {
  /** Spoken before the first cue (setup: where to put the hands). Plan time 0 starts right after it. */
  readonly intro: Speech;
  readonly cues: readonly TimedCue[];
  /** Words for one cue. */
  readonly say: (cue: TimedCue) => Speech;
  /** Closing words of a segment that stops at a boundary (e.g. "say next to go on"). */
  readonly continuePrompt: (boundary: Boundary) => Speech;
  /** Closing words of the last segment of the step. */
  readonly closing: Speech;
  readonly rate: SpeechRate;
  readonly chime?: Chime;
  /** Audio budget of one response, in ms. */
  readonly budgetMs?: number;
  /** Estimated user turn between two responses ("next"), in ms. */
  readonly turnGapMs?: number;
}

export interface CueOnset {
  readonly cue: CueId;
  /** Offset the timeline planned, ms from the first press. */
  readonly plannedMs: number;
  /** Offset at which the rendered speech starts the cue, by estimate, ms from the first press. */
  readonly estimatedMs: number;
}

export interface Segment {
  readonly parts: Speech;
  /** Plan time the segment's clock is anchored to, in ms. */
  readonly anchorMs: number;
  readonly onsets: readonly CueOnset[];
  /** Set when the segment stops inside the step; the next segment continues the hold. */
  readonly boundary?: Boundary;
  /** Estimated audio length of the whole response, in ms. */
  readonly estimatedMs: number;
}

export class PacingError extends Error {}

interface Draft { parts: SpeechPart[]; onsets: CueOnset[]; endReal: number; endPlan: number }
interface Spoken { readonly words: Speech; readonly ms: number }

/**
 * Lays cues from..to out in real time from an anchor, waiting exactly the planned silences
 * and allowing for the estimated length of every spoken cue (words and chime, precomputed).
 */
function layOut(input: PaceInput, spoken: readonly Spoken[], from: number, to: number, lead: Speech, anchorMs: number): Draft {
  const parts: SpeechPart[] = [...lead];
  const leadMs = estimateMs(lead, input.rate);
  let real = leadMs;
  let chimes = 0;
  const onsets: CueOnset[] = [];
  let endPlan = anchorMs;
  for (let i = from; i <= to; i += 1) {
    const cue = input.cues[i] as TimedCue;
    const wait = leadMs + (cue.atMs - anchorMs) - real;
    if (wait > 0) { parts.push(pause(wait)); real += Math.round(wait); }
    onsets.push({ cue: cue.cue, plannedMs: cue.atMs, estimatedMs: anchorMs + (real - leadMs) });
    if (cue.chime && input.chime && chimes < MAX_AUDIO_TAGS) {
      parts.push({ kind: 'audio', src: input.chime.src, ms: input.chime.ms });
      real += input.chime.ms;
      chimes += 1;
    }
    const { words, ms } = spoken[i] as Spoken;
    parts.push(...words);
    real += ms;
    endPlan = anchorMs + (real - leadMs);
  }
  return { parts, onsets, endReal: real, endPlan };
}

/**
 * Packs a step's timed cues into response-sized segments.
 * Each segment fits the audio budget, never splits a cue, and ends either at the step's end
 * or at a boundary cue (a release, a foot switch, or a steady point of a long hold).
 * - After a `foot` or `hold` boundary the next segment's clock carries on from the plan,
 *   allowing {@link TURN_GAP_MS} for the user's "next", so the cues keep their planned offsets.
 * - After a `release` boundary the rest lasts until the user says "next" and the next segment
 *   starts with the following press; its cues keep their offsets relative to that press.
 * @throws PacingError when a stretch without a boundary cannot fit one response.
 */
export function paceStep(input: PaceInput): Segment[] {
  const budget = input.budgetMs ?? MAX_RESPONSE_AUDIO_MS;
  const turnGap = input.turnGapMs ?? TURN_GAP_MS;
  const cues = input.cues;
  if (cues.length === 0) {
    const parts = [...input.intro, ...input.closing];
    return [{ parts, anchorMs: 0, onsets: [], estimatedMs: estimateMs(parts, input.rate) }];
  }
  const spoken: Spoken[] = cues.map((cue) => {
    const words = input.say(cue);
    return { words, ms: estimateMs(words, input.rate) };
  });
  const prompts = new Map<Boundary, Speech>();
  const promptFor = (b: Boundary): Speech => {
    if (!prompts.has(b)) prompts.set(b, input.continuePrompt(b));
    return prompts.get(b) as Speech;
  };
  const segments: Segment[] = [];
  let from = 0;
  let lead: Speech = input.intro;
  let anchor = 0;
  while (from < cues.length) {
    let best: { to: number; draft: Draft; tail: Speech } | undefined;
    for (let to = from; to < cues.length; to += 1) {
      const cue = cues[to] as TimedCue;
      const last = to === cues.length - 1;
      if (!last && !cue.boundary) continue;
      const tail = last ? input.closing : promptFor(cue.boundary as Boundary);
      const draft = layOut(input, spoken, from, to, lead, anchor);
      const total = draft.endReal + estimateMs(tail, input.rate);
      if (total > budget) break;
      best = { to, draft, tail };
    }
    if (!best) {
      throw new PacingError(`cue ${from} onwards does not fit a response`);
    }
    const endCue = cues[best.to] as TimedCue;
    const parts = [...best.draft.parts, ...best.tail];
    const boundary = best.to === cues.length - 1 ? undefined : endCue.boundary;
    segments.push({
      parts,
      anchorMs: anchor,
      onsets: best.draft.onsets,
      ...(boundary ? { boundary } : {}),
      estimatedMs: best.draft.endReal + estimateMs(best.tail, input.rate),
    });
    from = best.to + 1;
    lead = [];
    if (boundary === 'release') {
      anchor = (cues[from] as TimedCue).atMs;
    } else {
      anchor = best.draft.endPlan + estimateMs(best.tail, input.rate) + turnGap;
    }
  }
  return segments;
}
