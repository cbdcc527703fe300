/**
 * A routine's plan: the active steps with their timelines, computed once per routine, preferences and
 * choice. Pacing, position, "how much longer" and every renderer read this one plan.
 */
import { getRoutine } from './content/routines.js';
import { activeSteps } from './content/steps.js';
import type { RoutineId, Step } from './content/types.js';
import { planStep, type Preferences, type TimedCue } from './timeline.js';

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

const memo = new Map<string, RoutinePlan>();

/**
 * The plan of a routine for preferences and the leave-out choice. Deterministic and memoised.
 * @example planRoutine('ankle', DEFAULT_PREFERENCES, false).steps.map((s) => s.durationMs)
 * // [60_000, 192_000, 300_000, 192_000]
 */
export function planRoutine(routineId: RoutineId, prefs: Preferences, leaveOut: boolean | undefined): RoutinePlan {
  const id = `${routineId}|${prefs.holdLength}|${prefs.countdown}|${prefs.chimes}|${leaveOut === true}`;
  let plan = memo.get(id);
  if (!plan) {
    const steps = getRoutine(routineId).steps;
    plan = {
      routineId,
      steps: activeSteps(routineId, leaveOut).map((index) => {
        const step = steps[index] as Step;
        const cues = planStep(step, prefs);
        return { index, step, cues, durationMs: cues.at(-1)?.atMs ?? 0, untimed: cues.length === 0 };
      }),
    };
    memo.set(id, plan);
  }
  return plan;
}

/** The planned step at a routine index, if it is active. */
export function plannedStep(plan: RoutinePlan, stepIndex: number): PlannedStep | undefined {
  return plan.steps.find((s) => s.index === stepIndex);
}

/** Hold time left in the plan from a place, in ms: the rest of this step and every later active step. */
export function remainingHoldMs(plan: RoutinePlan, stepIndex: number, atMs: number): number {
  return plan.steps.reduce((sum, s) => sum + (s.index > stepIndex ? s.durationMs : s.index === stepIndex ? Math.max(0, s.durationMs - atMs) : 0), 0);
}

