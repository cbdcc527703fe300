/**
 * Three session choices about a routine's shape: one point practised on its own ("do the Kunlun point"), one foot
 * only ("just my left foot", "both feet again"), and holds one length shorter or longer ("make it shorter").
 * Each changes the one plan (src/core/plan.ts), so every renderer, "how much longer" and resume follow it.
 */
import { getRoutine } from './content/routines.js';
import { activeSteps, isPregnancyCaution, needsLightPressure } from './content/steps.js';
import { HOLD_LENGTHS, POINT_IDS, type PointId, type RoutineId, type Step, type StepId } from './content/types.js';
import type { Mode } from './modes.js';
import type { Transition } from './outcomes.js';
import { introAt, type Entry } from './pacing.js';
import { type RoutinePlan, planFor, plannedStep, practiceStep } from './plan.js';
import { resumeEntry } from './position.js';
import { holdAt, segment, withoutPending, withoutProgress, type Now } from './reduce-kit.js';
import type { Position, SkillState } from './state.js';
import { footTime, type Foot } from './timeline.js';

const stepAt = (routineId: RoutineId, stepIndex: number): Step => getRoutine(routineId).steps[stepIndex] as Step;

/** A point to offer instead of one left out: the first point of that routine's first step kept under the choice. */
function insteadOf(routineId: RoutineId): PointId | undefined {
  const first = activeSteps(routineId, true).map((i) => stepAt(routineId, i)).find((s) => s.points.length > 0);
  return first?.points[0];
}

/**
 * "Do the Kunlun point": the pregnancy question first when the step has a point it concerns and nothing is chosen
 * yet (exactly as before a routine, src/core/questions.ts `start`), else the point on its own.
 */
export function practise(state: SkillState, pointId: PointId): Transition {
  const found = practiceStep(pointId);
  // Every point is in a step (tests/core/practise.test.ts): this is the honest answer should one ever not be.
  if (!found) return { state: withoutPending(state), outcome: { kind: 'unknownPoint', suggestions: [], missing: false } };
  const clean = withoutProgress(withoutPending(state));
  const step = stepAt(found.routineId, found.stepIndex);
  if (state.leaveOut === undefined && (isPregnancyCaution(step) || needsLightPressure(step))) {
    return {
      state: { ...clean, pending: { question: 'pregnancy', routineId: found.routineId, pointId } },
      outcome: { kind: 'askPregnancy', routineId: found.routineId, pointId, ...(isPregnancyCaution(step) ? {} : { light: true }) },
    };
  }
  return beginPoint(clean, pointId);
}

/** The point on its own, from its step's introduction; or, when the user chose to leave it out, another to do. */
export function beginPoint(state: SkillState, pointId: PointId, unsure = false, remembered?: boolean): Transition {
  const found = practiceStep(pointId);
  if (!found) return practise(state, pointId);
  const { routineId, stepIndex } = found;
  const step = stepAt(routineId, stepIndex);
  if (state.leaveOut && isPregnancyCaution(step)) {
    const partner = POINT_IDS.find((p) => p !== pointId && step.points.includes(p) && isPregnancyCaution({ ...step, points: [p] }));
    const asked = isPregnancyCaution({ ...step, points: [pointId] });
    const instead = insteadOf(routineId);
    return {
      state: withoutProgress(withoutPending(state)),
      outcome: { kind: 'practiseLeftOut', pointId, ...(!asked && partner ? { partner } : {}), ...(instead ? { instead } : {}), ...(remembered !== undefined ? { remembered } : {}) },
    };
  }
  const base: SkillState = { ...withoutProgress(state), disclaimed: true, progress: { routineId, at: { stepIndex, atMs: 0 }, paused: true, point: pointId } };
  return segment(base, routineId, introAt(stepIndex), 'practise', {
    ...(state.disclaimed ? {} : { disclaimer: true }), ...(unsure ? { unsure: true } : {}), ...(remembered !== undefined ? { remembered } : {}),
  });
}

/**
 * Where to pick up after the feet changed at a place: a hold on the foot no longer done starts the chosen foot's
 * hold with a reminder (not the step's whole introduction again); anything else as resume does.
 */
function footEntry(plan: RoutinePlan, before: Position, at: Position): Entry | undefined {
  const step = plannedStep(plan, at.stepIndex);
  if (step && !step.untimed && at.atMs === 0 && before.atMs > 0) return { stepIndex: at.stepIndex, atMs: 0, firstCue: 0, words: 'reminder', repress: false };
  return resumeEntry(plan, at);
}

/**
 * One foot only (`foot`), or both feet again (undefined), for the session. Mid-routine the plan is the new one
 * from the place the user is at, mapped onto its clock (src/core/timeline.ts `footTime`): playing, it carries on
 * at once after one sentence; paused, the place is kept for "resume".
 */
export function feet(state: SkillState, now: Now | undefined, at: Position | undefined, foot: Foot | undefined, mode: Mode): Transition {
  const { oneFoot: _was, ...rest } = withoutPending(state);
  const chosen: SkillState = foot ? { ...rest, oneFoot: foot } : rest;
  if (!now || !at) return { state: chosen, outcome: { kind: 'feetSet', foot, inRoutine: false } };
  const { routineId } = now.progress;
  const step = stepAt(routineId, at.stepIndex);
  const place: Position = { stepIndex: at.stepIndex, atMs: footTime(step, state.prefs, at.atMs, state.oneFoot, foot) };
  if (mode.kind === 'paused') return { state: holdAt(chosen, now.progress, place, true), outcome: { kind: 'feetSet', foot, inRoutine: true } };
  const entry = footEntry(planFor({ ...chosen, progress: now.progress }, routineId), at, place);
  return segment({ ...chosen, progress: now.progress }, routineId, entry, foot ? `oneFoot_${foot}` : 'bothFeet');
}

/** Steps of a plan whose hold is the same at every length (BL60's five minutes, LV3 + GB41's two): a length change leaves them be. */
export function fixedLengthSteps(plan: RoutinePlan | undefined): StepId[] {
  return (plan?.steps ?? []).flatMap((s) => {
    const hold = s.step.holdSec;
    return hold && HOLD_LENGTHS.every((h) => hold[h] === hold.short) ? [s.step.id] : [];
  });
}

/** The hold length one step shorter or longer than the user's; undefined at the end of the range. */
export function relativeLength(state: SkillState, dir: 'shorter' | 'longer'): (typeof HOLD_LENGTHS)[number] | undefined {
  return HOLD_LENGTHS[HOLD_LENGTHS.indexOf(state.prefs.holdLength) + (dir === 'shorter' ? -1 : 1)];
}
