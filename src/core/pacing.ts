/**
 * Pacing: lays a routine's timeline out in real time, one response at a time, from any place in plan time.
 * One response carries as much of the routine as its budget allows (holds, foot switches, whole steps)
 * and ends only at a place where the routine can wait: a release, a foot switch, a steady point of a
 * long hold, or the end of a step. Every renderer (SSML, APL) reads the {@link Segment} it returns.
 */
import { MAX_AUDIO_TAGS, MAX_RESPONSE_AUDIO_MS } from './limits.js';
import type { PlannedStep, RoutinePlan } from './plan.js';
import { estimateMs, pause, type Speech, type SpeechPart, type SpeechRate } from './speech.js';
import type { Mark, Position } from './state.js';
import type { Boundary, CueId, TimedCue } from './timeline.js';

export interface Chime {
  readonly src: string;
  /** Estimated length of the sound, in ms. */
  readonly ms: number;
}

/** Where a response starts laying out a step. */
export interface Entry {
  readonly stepIndex: number;
  /** Plan time the layout starts from, in ms (0 for a fresh step). */
  readonly atMs: number;
  /** Index of the first cue of the step to speak. */
  readonly firstCue: number;
  /** Words before it: the step's full introduction, a one-line reminder (resume), or none (continue). */
  readonly words: 'intro' | 'reminder' | 'none';
  /** Resuming inside a hold: a "press again" cue at `atMs` puts the hand back on the point. */
  readonly repress: boolean;
}

/** A step from its beginning, with its full introduction. */
export const introAt = (stepIndex: number): Entry => ({ stepIndex, atMs: 0, firstCue: 0, words: 'intro', repress: false });

/** The words pacing needs, per step; supplied by the voice (locale) layer. */
export interface PaceWords {
  intro(stepIndex: number): Speech;
  reminder(stepIndex: number): Speech;
  cue(stepIndex: number, cue: TimedCue): Speech;
  repress(stepIndex: number): Speech;
  stepDone(stepIndex: number): Speech;
  /** An untimed step (foot soak): what to do, how long it takes, and how to come back. */
  untimed(stepIndex: number, nextStepIndex: number | undefined): Speech;
  /** One short word to say at a forced boundary (inside a step, or between steps). */
  prompt(boundary: Boundary | 'step', nextStepIndex: number | undefined): Speech;
  routineDone(): Speech;
}

export interface PaceInput {
  readonly plan: RoutinePlan;
  readonly entry: Entry;
  /** Spoken before everything else (a note such as "Picking up where you left off", a routine intro). */
  readonly lead: Speech;
  readonly words: PaceWords;
  readonly rate: SpeechRate;
  readonly chime?: Chime;
  /** Pause to find a point after a step's introduction, and after a reminder, in ms. */
  readonly findPointMs: { readonly afterIntro: number; readonly afterReminder: number };
  /** Audio budget of the response, in ms. @default MAX_RESPONSE_AUDIO_MS */
  readonly budgetMs?: number;
  /** End at the end of the first step (the "wait for me between points" preference, and screens). */
  readonly stopAtStepEnd?: boolean;
  /**
   * Lay out without the response's limits: no audio budget and no cap on `<audio>` tags (chimes). For renderers
   * that are not one Alexa response, such as the pre-rendered step streams of src/audio (with `stopAtStepEnd`).
   */
  readonly unbounded?: boolean;
}

/** A cue as laid out: planned against estimated onset, for tests and renderers. */
export interface CueOnset {
  readonly stepIndex: number;
  readonly cue: CueId;
  /** Offset the timeline planned, ms from the step's first press. */
  readonly plannedMs: number;
  /** Offset at which the rendered speech starts the cue, by estimate, ms from the step's first press. */
  readonly estimatedMs: number;
  /** Real time from the start of the response, in ms. */
  readonly realMs: number;
  /** The cue's words, as data. */
  readonly words: Speech;
  /** Index in the segment's `parts` where the cue starts (its chime, or its first word). */
  readonly part: number;
}

export type Ending = 'boundary' | 'step' | 'untimed' | 'done';

/** One response's worth of the routine: the speech, and its timing as data. */
export interface Segment {
  readonly parts: Speech;
  readonly onsets: readonly CueOnset[];
  /** Real → plan time of this response (see {@link Mark}). */
  readonly marks: readonly Mark[];
  /** Steps this response works, with the real time their holds start and end, for screens. */
  readonly steps: readonly SegmentStep[];
  /** Where the next response continues; absent when the routine ends in this one. */
  readonly next?: Position;
  /** The plan keeps running after this response (the user keeps holding through "next"). */
  readonly runsOn: boolean;
  readonly ending: Ending;
  readonly boundary?: Boundary;
  /** Estimated audio length of the whole response, in ms. */
  readonly estimatedMs: number;
}

export interface SegmentStep {
  readonly stepIndex: number;
  /** Real time (ms from the response start) at which the step's plan time `planStartMs` is reached. */
  readonly realStartMs: number;
  readonly planStartMs: number;
  /** Real time at which this response leaves the step. */
  readonly realEndMs: number;
  /** Length of the step's whole timeline, in ms. */
  readonly durationMs: number;
  /** Index in the segment's `parts` at which the plan time `planStartMs` is reached. */
  readonly part: number;
}

export class PacingError extends Error {}

interface Candidate { parts: number; onsets: number; marks: number; real: number; tail: Speech; tailMs: number; next?: Position; runsOn: boolean; ending: Ending; boundary?: Boundary }

/** Lays cues out on one real clock, exactly: each cue waits until its planned time, allowing for the words before it. */
class Layout {
  readonly parts: SpeechPart[] = [];
  readonly onsets: CueOnset[] = [];
  readonly marks: Mark[] = [];
  readonly steps: SegmentStep[] = [];
  /** Estimated time since the response started, in ms. */
  real = 0;
  private chimes = 0;

  constructor(private readonly input: PaceInput) {}

  say(words: Speech): void {
    this.parts.push(...words);
    this.real += estimateMs(words, this.input.rate);
  }

  wait(ms: number): void {
    if (ms <= 0) return;
    this.parts.push(pause(ms));
    this.real += Math.round(ms);
  }

  mark(stepIndex: number, planMs: number, running: boolean): void {
    const last = this.marks.at(-1);
    const mark: Mark = [Math.round(this.real), stepIndex, Math.round(planMs), running ? 1 : 0];
    if (last && last[0] === mark[0]) this.marks[this.marks.length - 1] = mark;
    else this.marks.push(mark);
  }

  /** Speaks a cue at plan time `atMs` of a step whose plan time `anchorPlan` fell at real `anchorReal`. */
  cue(stepIndex: number, cue: TimedCue, words: Speech, anchorReal: number, anchorPlan: number): void {
    this.wait(anchorReal + (cue.atMs - anchorPlan) - this.real);
    const realMs = this.real;
    this.onsets.push({ stepIndex, cue: cue.cue, plannedMs: cue.atMs, estimatedMs: anchorPlan + (realMs - anchorReal), realMs, words, part: this.parts.length });
    const chime = this.input.chime;
    if (cue.chime && chime && (this.chimes < MAX_AUDIO_TAGS || this.input.unbounded)) {
      this.parts.push({ kind: 'audio', src: chime.src, ms: chime.ms });
      this.real += chime.ms;
      this.chimes += 1;
    }
    this.say(words);
  }
}

/** The active step after `stepIndex` in the plan, if any. */
export function followingStep(plan: RoutinePlan, stepIndex: number): PlannedStep | undefined {
  return plan.steps.find((s) => s.index > stepIndex);
}

/**
 * Paces one response from an entry point.
 * - Cue onsets land on the plan: each cue waits only for what the words before it leave of its offset.
 * - The response ends at the last place that fits the budget where the routine can wait.
 * - An untimed step (the foot soak) is said alone and ends the response.
 * @throws PacingError when no place to end fits the budget (a plan or budget bug).
 */
export function paceResponse(input: PaceInput): Segment {
  const budget = input.unbounded ? Number.POSITIVE_INFINITY : input.budgetMs ?? MAX_RESPONSE_AUDIO_MS;
  const { plan, words } = input;
  const layout = new Layout(input);
  layout.say(input.lead);
  let best: Candidate | undefined;
  const consider = (c: Omit<Candidate, 'parts' | 'onsets' | 'marks' | 'real' | 'tailMs'>) => {
    const tailMs = estimateMs(c.tail, input.rate);
    if (layout.real + tailMs > budget) return false;
    best = { ...c, tailMs, parts: layout.parts.length, onsets: layout.onsets.length, marks: layout.marks.length, real: layout.real };
    return true;
  };
  let entry: Entry | undefined = input.entry;
  let first = true;
  outer: while (entry) {
    const step = plan.steps.find((s) => s.index === entry?.stepIndex);
    if (!step) break;
    const after = followingStep(plan, step.index);
    if (step.untimed) {
      if (!first) break; // said on its own, at the start of a response
      layout.mark(step.index, 0, false);
      const said = words.untimed(step.index, after?.index);
      layout.say(said);
      best = { parts: layout.parts.length, onsets: 0, marks: layout.marks.length, real: layout.real, tail: [], tailMs: 0,
        ...(after ? { next: { stepIndex: after.index, atMs: 0 } } : {}), runsOn: false, ending: after ? 'untimed' : 'done' };
      break;
    }
    first = false;
    layout.mark(step.index, entry.atMs, false);
    if (entry.words === 'intro') {
      layout.say(words.intro(step.index));
      layout.wait(input.findPointMs.afterIntro);
    } else if (entry.words === 'reminder') {
      layout.say(words.reminder(step.index));
      layout.wait(input.findPointMs.afterReminder);
    }
    // Plan time `anchorPlan` happens now; from here on the plan runs with real time.
    const anchorReal = layout.real;
    let anchorPlan = entry.atMs;
    const firstCue = step.cues[entry.firstCue];
    if (firstCue?.starts && firstCue.atMs < anchorPlan && !entry.repress) anchorPlan = firstCue.atMs; // a missed press restarts its hold
    layout.mark(step.index, anchorPlan, true);
    layout.steps.push({ stepIndex: step.index, realStartMs: anchorReal, planStartMs: anchorPlan, durationMs: step.durationMs, realEndMs: anchorReal, part: layout.parts.length });
    if (entry.repress) {
      const chime = input.chime;
      const repressCue: TimedCue = { atMs: anchorPlan, cue: 'pressAgain', ...(chime ? { chime: true } : {}), starts: true };
      layout.cue(step.index, repressCue, words.repress(step.index), anchorReal, anchorPlan);
    }
    for (let i = entry.firstCue; i < step.cues.length; i += 1) {
      const cue = step.cues[i] as TimedCue;
      if (cue.atMs < anchorPlan && !(i === entry.firstCue && cue.starts)) continue; // already passed
      layout.cue(step.index, cue, words.cue(step.index, cue), anchorReal, anchorPlan);
      const last = i === step.cues.length - 1;
      if (last) {
        layout.say(words.stepDone(step.index));
        layout.mark(step.index, step.durationMs, false);
        const tail = after ? words.prompt('step', after.index) : words.routineDone();
        const fits = consider({ tail, ...(after ? { next: { stepIndex: after.index, atMs: 0 } } : {}), runsOn: false, ending: after ? 'step' : 'done' });
        if (!fits || !after || input.stopAtStepEnd || after.untimed) break outer;
        break;
      }
      if (cue.boundary) {
        const nextCue = step.cues[i + 1] as TimedCue;
        const planNow = anchorPlan + (layout.real - anchorReal);
        const waits = cue.boundary === 'release';
        const fits = consider({
          tail: words.prompt(cue.boundary, after?.index),
          next: { stepIndex: step.index, atMs: waits ? nextCue.atMs : Math.round(planNow) },
          runsOn: !waits, ending: 'boundary', boundary: cue.boundary,
        });
        if (!fits) break outer;
      }
    }
    entry = after ? introAt(after.index) : undefined;
  }
  if (!best) throw new PacingError(`nothing from step ${input.entry.stepIndex} at ${input.entry.atMs} ms fits a response`);
  const chosen = best;
  const parts = [...layout.parts.slice(0, chosen.parts), ...chosen.tail];
  const marks = layout.marks.slice(0, chosen.marks);
  const endMark = marks.at(-1);
  if (chosen.runsOn && endMark) marks.push([Math.round(chosen.real), endMark[1], chosen.next?.atMs ?? endMark[2], 1]);
  else if (chosen.next) marks.push([Math.round(chosen.real), chosen.next.stepIndex, chosen.next.atMs, 0]);
  return {
    parts,
    onsets: layout.onsets.slice(0, chosen.onsets),
    marks,
    steps: layout.steps.filter((s, i) => i === 0 || s.realStartMs < chosen.real)
      .map((s, i, all) => ({ ...s, realEndMs: Math.round(Math.min(all[i + 1]?.realStartMs ?? chosen.real, chosen.real)) })),
    ...(chosen.next ? { next: chosen.next } : {}),
    runsOn: chosen.runsOn,
    ending: chosen.ending,
    ...(chosen.boundary ? { boundary: chosen.boundary } : {}),
    estimatedMs: chosen.real + chosen.tailMs,
  };
}
