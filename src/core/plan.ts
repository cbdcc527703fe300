/**
 * A routine's plan: the active steps with their timelines, computed once per routine, preferences and
 * choice. Pacing, position, "how much longer" and every renderer read this one plan.
 */
import { getRoutine, ROUTINES } from './content/routines.js';
import { activeSteps } from './content/steps.js';
import type { PointId, RoutineId, Step } from './content/types.js';
import type { SkillState } from './state.js';
import { planStep, type Foot, type Preferences, type TimedCue } from './timeline.js';

export interface PlannedStep {
  /** Index into the routine's steps. */
  readonly index: number;
  readonly step: Step;
  readonly cues: readonly TimedCue[];
  /** Length of the step's timeline, in ms (0 when untimed). */
  readonly durationMs: number;
  readonly untimed: boolean;
}

export interface RoutinePlan {
  readonly routineId: RoutineId;
  /** Active steps only, in routine order. */
  readonly steps: readonly PlannedStep[];
}

/**
 * What a session changes in a routine's plan besides preferences and the leave-out choice: one step only (a
 * single point practised, `Progress.point`), and one foot only for the session (`SkillState.oneFoot`).
 */
export interface PlanShape {
  /** Only this step of the routine (its index), as a one-step routine. */
  readonly only?: number;
  readonly oneFoot?: Foot;
}

const memo = new Map<string, RoutinePlan>();

/**
 * The plan of a routine for preferences, the leave-out choice and the session's shape. Deterministic and memoised.
 * @example planRoutine('ankle', DEFAULT_PREFERENCES, false).steps.map((s) => s.durationMs)
 * // [60_000, 192_000, 300_000, 192_000]
 */
export function planRoutine(routineId: RoutineId, prefs: Preferences, leaveOut: boolean | undefined, shape: PlanShape = {}): RoutinePlan {
  const id = `${routineId}|${prefs.holdLength}|${prefs.countdown}|${prefs.chimes}|${leaveOut === true}|${shape.only ?? ''}|${shape.oneFoot ?? ''}`;
  let plan = memo.get(id);
  if (!plan) {
    const steps = getRoutine(routineId).steps;
    plan = {
      routineId,
      steps: activeSteps(routineId, leaveOut).filter((index) => shape.only === undefined || index === shape.only).map((index) => {
        const step = steps[index] as Step;
        const cues = planStep(step, prefs, shape.oneFoot);
        return { index, step, cues, durationMs: cues.at(-1)?.atMs ?? 0, untimed: cues.length === 0 };
      }),
    };
    memo.set(id, plan);
  }
  return plan;
}

/**
 * The step a single point is practised in: the step with that point alone, else the one it leads, else the
 * first that has it. Every point is in a step (tests/core/practise.test.ts).
 * @example practiceStep('BL60') // { routineId: 'ankle', stepIndex: 2 }
 */
export function practiceStep(pointId: PointId): { readonly routineId: RoutineId; readonly stepIndex: number } | undefined {
  const all = Object.values(ROUTINES).flatMap((r) => r.steps.map((step: Step, stepIndex) => ({ routineId: r.id as RoutineId, stepIndex, step })));
  const found = all.find((s) => s.step.points.length === 1 && s.step.points[0] === pointId)
    ?? all.find((s) => s.step.points[0] === pointId) ?? all.find((s) => s.step.points.includes(pointId));
  return found ? { routineId: found.routineId, stepIndex: found.stepIndex } : undefined;
}

/** The shape of a routine's plan in a state: the point practised (when the place is in that routine) and one foot. */
function shapeOf(state: Pick<SkillState, 'progress' | 'oneFoot'>, routineId: RoutineId): PlanShape {
  const point = state.progress?.routineId === routineId ? state.progress.point : undefined;
  const only = point ? practiceStep(point)?.stepIndex : undefined;
  return { ...(only !== undefined ? { only } : {}), ...(state.oneFoot ? { oneFoot: state.oneFoot } : {}) };
}

/** The plan a state works from: preferences, the leave-out choice and the session's shape. */
export const planFor = (state: Pick<SkillState, 'prefs' | 'leaveOut' | 'progress' | 'oneFoot'>, routineId: RoutineId): RoutinePlan =>
  planRoutine(routineId, state.prefs, state.leaveOut, shapeOf(state, routineId));

/** The planned step at a routine index, if it is active. */
export function plannedStep(plan: RoutinePlan, stepIndex: number): PlannedStep | undefined {
  return plan.steps.find((s) => s.index === stepIndex);
}

/** Hold time left in the plan from a place, in ms: the rest of this step and every later active step. */
export function remainingHoldMs(plan: RoutinePlan, stepIndex: number, atMs: number): number {
  return plan.steps.reduce((sum, s) => sum + (s.index > stepIndex ? s.durationMs : s.index === stepIndex ? Math.max(0, s.durationMs - atMs) : 0), 0);
}

