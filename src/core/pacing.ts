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

interface Spoken { readonly words: Speech; readonly ms: number }

/**
 * Lays cues out in real time from an anchor, one at a time, waiting exactly the planned silences
 * and allowing for the estimated length of every spoken cue (words and chime, precomputed).
 */
class Layout {
  readonly parts: SpeechPart[];
  readonly onsets: CueOnset[] = [];
  private readonly leadMs: number;
  /** Estimated time since the response started, in ms. */
  real: number;
  /** Plan time reached after the last cue's words, in ms. */
  endPlan: number;
  private chimes = 0;

  constructor(private readonly input: PaceInput, private readonly spoken: (i: number) => Spoken, lead: Speech, private readonly anchorMs: number) {
    this.parts = [...lead];
    this.leadMs = estimateMs(lead, input.rate);
    this.real = this.leadMs;
    this.endPlan = anchorMs;
  }

  add(i: number): void {
    const cue = this.input.cues[i] as TimedCue;
    const wait = this.leadMs + (cue.atMs - this.anchorMs) - this.real;
    if (wait > 0) { this.parts.push(pause(wait)); this.real += Math.round(wait); }
    this.onsets.push({ cue: cue.cue, plannedMs: cue.atMs, estimatedMs: this.anchorMs + (this.real - this.leadMs) });
    const chime = this.input.chime;
    if (cue.chime && chime && this.chimes < MAX_AUDIO_TAGS) {
      this.parts.push({ kind: 'audio', src: chime.src, ms: chime.ms });
      this.real += chime.ms;
      this.chimes += 1;
    }
    const { words, ms } = this.spoken(i);
    this.parts.push(...words);
    this.real += ms;
    this.endPlan = this.anchorMs + (this.real - this.leadMs);
  }
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
  return [...paceSegments(input)];
}

/** {@link paceStep}, one segment at a time: a response needs only the segments up to its own. */
export function* paceSegments(input: PaceInput): Generator<Segment, void, undefined> {
  const budget = input.budgetMs ?? MAX_RESPONSE_AUDIO_MS;
  const turnGap = input.turnGapMs ?? TURN_GAP_MS;
  const cues = input.cues;
  if (cues.length === 0) {
    const parts = [...input.intro, ...input.closing];
    yield { parts, anchorMs: 0, onsets: [], estimatedMs: estimateMs(parts, input.rate) };
    return;
  }
  const said: Spoken[] = [];
  const spoken = (i: number): Spoken => {
    if (!said[i]) {
      const words = input.say(cues[i] as TimedCue);
      said[i] = { words, ms: estimateMs(words, input.rate) };
    }
    return said[i] as Spoken;
  };
  const prompts = new Map<Boundary, Speech>();
  const promptFor = (b: Boundary): Speech => {
    if (!prompts.has(b)) prompts.set(b, input.continuePrompt(b));
    return prompts.get(b) as Speech;
  };
  let from = 0;
  let lead: Speech = input.intro;
  let anchor = 0;
  while (from < cues.length) {
    // Lay cues out one by one; remember the last place a response could end within the budget.
    const layout = new Layout(input, spoken, lead, anchor);
    let best: { to: number; parts: number; onsets: number; endReal: number; endPlan: number; tail: Speech; tailMs: number } | undefined;
    for (let to = from; to < cues.length; to += 1) {
      layout.add(to);
      const cue = cues[to] as TimedCue;
      const last = to === cues.length - 1;
      if (!last && !cue.boundary) continue;
      const tail = last ? input.closing : promptFor(cue.boundary as Boundary);
      const tailMs = estimateMs(tail, input.rate);
      if (layout.real + tailMs > budget) break;
      best = { to, parts: layout.parts.length, onsets: layout.onsets.length, endReal: layout.real, endPlan: layout.endPlan, tail, tailMs };
    }
    if (!best) {
      throw new PacingError(`cue ${from} onwards does not fit a response`);
    }
    const endCue = cues[best.to] as TimedCue;
    const boundary = best.to === cues.length - 1 ? undefined : endCue.boundary;
    yield {
      parts: [...layout.parts.slice(0, best.parts), ...best.tail],
      anchorMs: anchor,
      onsets: layout.onsets.slice(0, best.onsets),
      ...(boundary ? { boundary } : {}),
      estimatedMs: best.endReal + best.tailMs,
    };
    from = best.to + 1;
    lead = [];
    anchor = boundary === 'release' ? (cues[from] as TimedCue).atMs : best.endPlan + best.tailMs + turnGap;
  }
}
