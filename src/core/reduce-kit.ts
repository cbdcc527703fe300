/**
 * What every part of the reducer shares: where the routine is now (settled against the clock), and the
 * small state edits (drop a question, hold a place, play a segment).
 */
import { getRoutine } from './content/routines.js';
import type { RoutineId } from './content/types.js';
import type { Entry } from './pacing.js';
import { planFor, type RoutinePlan } from './plan.js';
import { settle } from './position.js';
import type { Outcome, SegmentNote, Transition } from './outcomes.js';
import type { Position, Progress, SkillState } from './state.js';

export const withoutPending = (state: SkillState): SkillState => {
  const { pending: _drop, ...rest } = state;
  return rest;
};

export const withoutProgress = (state: SkillState): SkillState => {
  const { progress, ...rest } = state;
  // The id of the last response sent outlives the routine: the next routine's responses count on from it, so a
  // screen's event for a response of the one before is never taken for one of the new routine's.
  const seq = progress?.seq ?? state.lastSeq;
  return seq !== undefined ? { ...rest, lastSeq: seq } : rest;
};

/** The routine's place when a request arrives. */
export interface Now {
  readonly progress: Progress;
  readonly plan: RoutinePlan;
  /** Where the user is; 'done' when the routine was heard to its end. */
  readonly at: Position | 'done';
  /** The request came while the last response was still playing. */
  readonly interrupted: boolean;
  /** Plan time of the step the last response reached, when heard to its end. */
  readonly heardUpToMs: number;
}

/**
 * Where the routine is now, or undefined without one.
 * @param heardToEnd the last response was heard to its end (a screen said so): no timestamp arithmetic.
 */
export function current(state: SkillState, nowMs: number, heardToEnd = false): Now | undefined {
  const progress = state.progress;
  if (!progress) return undefined;
  const plan = planFor(state, progress.routineId);
  const played = progress.played;
  if (!played) return { progress, plan, at: progress.at, interrupted: false, heardUpToMs: progress.at.atMs };
  const heardUpToMs = played.next?.atMs ?? 0;
  if (heardToEnd) return { progress, plan, at: played.next ?? 'done', interrupted: false, heardUpToMs };
  return { progress, plan, ...settle(played, nowMs), heardUpToMs };
}

/** State whose progress is held at a place (a detour, a pause, a stop), with nothing playing. */
export function holdAt(state: SkillState, progress: Progress, at: Position, paused: boolean): SkillState {
  const { played: _drop, ...rest } = progress;
  return { ...state, progress: { ...rest, at, paused } };
}

/** Plays the routine from an entry (the routine's end when there is none). */
export function segment(state: SkillState, routineId: RoutineId, entry: Entry | undefined, note: SegmentNote, extra: Partial<Extract<Outcome, { kind: 'segment' }>> = {}): Transition {
  const base = withoutPending(state);
  if (!entry) {
    const point = base.progress?.routineId === routineId ? base.progress.point : undefined;
    return { state: withoutProgress(base), outcome: { kind: 'routineDone', routineId, ...(point ? { pointId: point } : {}) } };
  }
  const kept = base.progress?.routineId === routineId ? base.progress : undefined;
  // A session made light (diabetes, neuropathy, blood thinners) presses every step of any routine it starts lightly,
  // in the progress, so that steps queued on a speaker after the session ended are light too (safety.ts lightRoutine).
  const light = base.lightAll ? getRoutine(routineId).steps.map((_, i) => i) : kept?.light;
  // A run begun with the routine heard before is a returning run, to its end (or its resume in a later session).
  const returning = note === 'begin' ? extra.returning === true : kept?.returning === true;
  const point = kept?.point;
  // Response ids count on across routines (withoutProgress keeps the last): never one a screen already has.
  const seq = kept?.seq ?? base.progress?.seq ?? base.lastSeq;
  return {
    state: { ...base, progress: {
      routineId, at: { stepIndex: entry.stepIndex, atMs: entry.atMs }, paused: false, ...(seq !== undefined ? { seq } : {}), ...(light ? { light } : {}),
      ...(returning ? { returning: true } : {}), ...(point ? { point } : {}),
    } },
    outcome: { kind: 'segment', routineId, entry, note, ...extra },
  };
}
