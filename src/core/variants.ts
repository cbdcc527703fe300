/**
 * Which wording of a recurring cue to say. Each cue has a few wordings (`cues:<id>.0`, `cues:<id>.1`, …) and
 * the choice is a pure function of the place in the plan: the cue's ordinal among the cues of its kind across
 * the whole routine, round the wordings. So a routine never says one short sentence over and over, the same
 * place always gets the same words (resume, repeat, tests), and the core stays free of randomness.
 */
import type { MessageKey } from './messages.js';
import { followingStep } from './pacing.js';
import type { RoutinePlan } from './plan.js';
import type { CueId, TimedCue } from './timeline.js';

/**
 * How many wordings each cue has, in every locale set (tests/locales checks the files hold exactly these).
 * More for the cues a routine says most often (the countdown, "steady", letting go in the five-minute hold).
 */
export const CUE_VARIANTS: Readonly<Record<CueId, number>> = {
  press: 3, pressBoth: 3, pressPair: 4, pressLight: 3, firmer: 4, lighter: 4,
  letGo: 5, pressAgain: 5, circles: 3, smallCircles: 3, keepCircling: 4, holdFirm: 3,
  pressFirm: 3, breatheIn: 3, breatheOut: 3, steady: 5,
  strokes: 3, catWalk: 3, keepStroking: 3, ballPress: 3, ballKeep: 5,
  halfway: 5, oneMinuteLeft: 3, tenSecondsLeft: 5, switchFoot: 4, switchLeg: 3, release: 4, easeOff: 3,
  pressGently: 3, stayLight: 3,
};

/** Wordings of the bridge after a step that another step follows (`cues:stepDone.0` …); the last step has `cues:stepDone.last`. */
export const STEP_DONE_VARIANTS = 4;

const ordinals = new WeakMap<RoutinePlan, Map<string, number>>();
const placeOf = (stepIndex: number, cue: TimedCue) => `${stepIndex}|${cue.atMs}|${cue.cue}`;

/** The routine-wide ordinal of every cue of a plan among the cues of its kind, computed once per plan. */
function ordinalsOf(plan: RoutinePlan): Map<string, number> {
  let found = ordinals.get(plan);
  if (!found) {
    found = new Map();
    const seen = new Map<CueId, number>();
    for (const step of plan.steps) {
      for (const cue of step.cues) {
        const n = seen.get(cue.cue) ?? 0;
        found.set(placeOf(step.index, cue), n);
        seen.set(cue.cue, n + 1);
      }
    }
    ordinals.set(plan, found);
  }
  return found;
}

/**
 * Which wording a cue gets: its routine-wide ordinal among cues of its kind, modulo that cue's number of wordings.
 * A cue not in the plan (none is, today) gets one from its place, still deterministic.
 * @example cueVariant(planRoutine('ankle', DEFAULT_PREFERENCES, false), 2, { atMs: 60_000, cue: 'letGo' }) // 1 (the second let-go)
 */
export function cueVariant(plan: RoutinePlan, stepIndex: number, cue: TimedCue): number {
  const n = ordinalsOf(plan).get(placeOf(stepIndex, cue)) ?? stepIndex + Math.floor(cue.atMs / 1000);
  return n % CUE_VARIANTS[cue.cue];
}

/** The message key of a cue's words at its place in the plan. */
export function cueKey(plan: RoutinePlan, stepIndex: number, cue: TimedCue): MessageKey {
  return `cues:${cue.cue}.${cueVariant(plan, stepIndex, cue)}` as MessageKey;
}

/**
 * The words after a step's last cue: a bridge to the next step (one of {@link STEP_DONE_VARIANTS}, by the step's place
 * among the plan's steps), or a plain "well done" after the last step, before the routine's close.
 */
export function stepDoneKey(plan: RoutinePlan, stepIndex: number): MessageKey {
  if (!followingStep(plan, stepIndex)) return 'cues:stepDone.last' as MessageKey;
  const place = plan.steps.findIndex((s) => s.index === stepIndex);
  return `cues:stepDone.${Math.max(0, place) % STEP_DONE_VARIANTS}` as MessageKey;
}
