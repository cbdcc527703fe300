import { POINTS } from './points.js';
import { getRoutine } from './routines.js';
import type { RoutineId, Step } from './types.js';

/** Whether a step uses a point left out by the "leave out the points avoided in pregnancy" choice. */
export function isPregnancyCaution(step: Step): boolean {
  return step.points.some((p) => POINTS[p].avoidInPregnancy);
}

/** Whether a step uses a point kept with light pressure only under that choice (BL57). */
export function needsLightPressure(step: Step): boolean {
  return step.points.some((p) => (POINTS[p] as { lightInPregnancy?: boolean }).lightInPregnancy === true);
}

/**
 * Indices of the steps a user does, given their choice to leave out the points avoided in pregnancy.
 * @example activeSteps('ankle', true) // [0, 1]: BL60 and BL62 are left out
 */
export function activeSteps(routineId: RoutineId, leaveOut: boolean | undefined): number[] {
  return getRoutine(routineId).steps.flatMap((step, i) => (leaveOut && isPregnancyCaution(step) ? [] : [i]));
}

/** Steps left out under that choice, in routine order. */
export function skippedSteps(routineId: RoutineId, leaveOut: boolean | undefined): Step[] {
  return leaveOut ? getRoutine(routineId).steps.filter(isPregnancyCaution) : [];
}

/** Whether the routine has anything to leave out, and so needs the question before it starts. */
export function routineNeedsPregnancyQuestion(routineId: RoutineId): boolean {
  return getRoutine(routineId).steps.some((s) => isPregnancyCaution(s) || needsLightPressure(s));
}
