/**
 * Where the user is, in plan time, when a request arrives: from what the last response played and the
 * request's timestamp. Pure: the clock comes in as `nowMs`.
 */
import { LISTEN_WINDOW_MS, RECOGNITION_ALLOWANCE_MS } from './limits.js';
import type { Entry } from './pacing.js';
import { followingStep, introAt } from './pacing.js';
import { plannedStep, type RoutinePlan } from './plan.js';
import type { Played, Position } from './state.js';
import type { Foot, TimedCue } from './timeline.js';

/** Where a request finds the user: still inside the last response (it interrupted it), or after it. */
export interface Settled {
  /** The place in plan time. */
  readonly at: Position | 'done';
  /** The request came while the response was still playing. */
  readonly interrupted: boolean;
}

/**
 * Maps the time since the last response was sent onto its plan.
 * - Inside the response (the user spoke over it): the plan time then, less {@link RECOGNITION_ALLOWANCE_MS}
 *   for the words of the interruption.
 * - After it: where the next response continues; when the plan runs on (a hold held through "next"),
 *   plus the time since the response ended, at most {@link LISTEN_WINDOW_MS}.
 * - An unknown clock (`nowMs` NaN) counts as after the response.
 * @example settle(played, played.sentAtMs + 100_000) // { at: { stepIndex: 2, atMs: ≈ 98_000 }, interrupted: true }
 */
export function settle(played: Played, nowMs: number): Settled {
  const elapsed = nowMs - played.sentAtMs;
  if (Number.isFinite(elapsed) && elapsed >= 0 && elapsed < played.lengthMs) {
    const at = Math.max(0, elapsed - RECOGNITION_ALLOWANCE_MS);
    let mark = played.marks[0];
    for (const m of played.marks) if (m[0] <= at) mark = m;
    if (!mark) return { at: played.next ?? 'done', interrupted: true };
    const [realMs, stepIndex, planMs, running] = mark;
    return { at: { stepIndex, atMs: Math.round(running ? planMs + (at - realMs) : planMs) }, interrupted: true };
  }
  if (!played.next) return { at: 'done', interrupted: false };
  const after = Number.isFinite(elapsed) ? Math.min(Math.max(0, elapsed - played.lengthMs), LISTEN_WINDOW_MS) : 0;
  return { at: played.runsOn ? { ...played.next, atMs: played.next.atMs + Math.round(after) } : played.next, interrupted: false };
}

/** A hold of a step: from a cue that puts the hand on the point to the cue that takes it off. */
interface Hold { readonly start: TimedCue; readonly startIndex: number; readonly endMs: number }

function holds(cues: readonly TimedCue[]): Hold[] {
  const out: Hold[] = [];
  cues.forEach((cue, i) => {
    if (!cue.starts) return;
    const end = cues.slice(i + 1).find((c) => c.cue === 'letGo' || c.cue === 'switchFoot' || c.cue === 'switchLeg' || c.cue === 'release' || c.cue === 'easeOff');
    out.push({ start: cue, startIndex: i, endMs: end?.atMs ?? cue.atMs });
  });
  return out;
}

/** Inside a hold, closer than this to its end, a resume moves on to the next hold instead of pressing again for a moment (ms). */
export const RESUME_MIN_LEFT_MS = 15_000;

/**
 * Where to pick up a routine from a place: the first unfinished cue.
 * - Before a step's first press: the step from its introduction.
 * - Inside a hold with time left: press again there (with a one-line reminder) and carry on.
 * - Between holds, or near a hold's end: the next hold's press, with the reminder.
 * - At or past a step's end: the next active step; `undefined` when the routine is finished.
 */
export function resumeEntry(plan: RoutinePlan, at: Position): Entry | undefined {
  const step = plannedStep(plan, at.stepIndex) ?? followingStep(plan, at.stepIndex);
  if (!step) return undefined;
  if (step.index !== at.stepIndex || at.atMs <= 0 || step.untimed) return introAt(step.index);
  for (const hold of holds(step.cues)) {
    if (at.atMs < hold.start.atMs) return { stepIndex: step.index, atMs: hold.start.atMs, firstCue: hold.startIndex, words: 'reminder', repress: false };
    if (at.atMs < hold.endMs - RESUME_MIN_LEFT_MS) {
      const firstCue = step.cues.findIndex((c) => c.atMs > at.atMs);
      return { stepIndex: step.index, atMs: at.atMs, firstCue: firstCue < 0 ? step.cues.length : firstCue, words: 'reminder', repress: true };
    }
  }
  const after = followingStep(plan, step.index);
  return after ? introAt(after.index) : undefined;
}

/**
 * Where to carry on after a response that was heard to the end ("next" at a boundary, a screen's event):
 * the first cue not yet spoken, with no words before it.
 */
export function continueEntry(plan: RoutinePlan, at: Position, heardUpToMs: number): Entry | undefined {
  const step = plannedStep(plan, at.stepIndex) ?? followingStep(plan, at.stepIndex);
  if (!step) return undefined;
  if (step.index !== at.stepIndex || at.atMs <= 0 || step.untimed) return introAt(step.index);
  const firstCue = step.cues.findIndex((c) => c.atMs >= heardUpToMs);
  if (firstCue < 0) {
    const after = followingStep(plan, step.index);
    return after ? introAt(after.index) : undefined;
  }
  return { stepIndex: step.index, atMs: Math.max(at.atMs, heardUpToMs), firstCue, words: 'none', repress: false };
}

/**
 * "Repeat" or "what?" once a step's first cue was said: that cue again (the last one at or before the place),
 * then the step carries on from the place with the cues still to come. Undefined before the first press.
 * @example lastCueEntry(plan, { stepIndex: 0, atMs: 31_000 }) // { cueIndex: 1, entry: { atMs: 31_000, firstCue: 2, words: 'none', … } }
 */
export function lastCueEntry(plan: RoutinePlan, at: Position): { readonly entry: Entry; readonly cueIndex: number } | undefined {
  const step = plannedStep(plan, at.stepIndex);
  if (!step || step.untimed || at.atMs <= 0) return undefined;
  let cueIndex = -1;
  step.cues.forEach((c, i) => { if (c.atMs <= at.atMs) cueIndex = i; });
  if (cueIndex < 0 || at.atMs >= step.durationMs) return undefined;
  const firstCue = step.cues.findIndex((c) => c.atMs > at.atMs);
  return { cueIndex, entry: { stepIndex: step.index, atMs: at.atMs, firstCue: firstCue < 0 ? step.cues.length : firstCue, words: 'none', repress: false } };
}

/** Which side a step is worked on at a moment: the first foot (or leg), the second, both at once, or no side. */
export type SideNow = 'firstFoot' | 'secondFoot' | 'firstLeg' | 'secondLeg' | 'both' | 'none' | 'onlyLeft' | 'onlyRight';

/**
 * The side the user is on at a place: for a step done one side at a time, the first side until its switch cue
 * and the second from it (the cue that says so); the same rule as the screen's side label.
 * @example sideAt(plan, { stepIndex: 1, atMs: 150_000 }) // 'secondFoot' (GB40, standard holds switch at 96 s)
 */
export function sideAt(plan: RoutinePlan, at: Position, oneFoot?: Foot): SideNow {
  const planned = plannedStep(plan, at.stepIndex);
  if (!planned || planned.step.side === 'none') return 'none';
  // One foot only this session: that foot, whatever the step.
  if (oneFoot) return oneFoot === 'left' ? 'onlyLeft' : 'onlyRight';
  if (planned.step.side === 'both') return 'both';
  const switchAt = planned.cues.find((c) => c.cue === 'switchFoot' || c.cue === 'switchLeg')?.atMs;
  const second = switchAt !== undefined && at.atMs >= switchAt;
  const limb = planned.step.limb === 'leg' ? 'Leg' : 'Foot';
  return second ? `second${limb}` : `first${limb}`;
}
