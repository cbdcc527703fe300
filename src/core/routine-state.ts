import { getRoutine } from './content/routines.js';
import { POINTS } from './content/points.js';
import type { RoutineId, Step } from './content/types.js';
import { DEFAULT_PREFERENCES, type Preferences } from './timeline.js';

export const STATE_VERSION = 1;

export interface Progress {
  readonly routineId: RoutineId;
  readonly stepIndex: number;
  readonly segmentIndex: number;
  readonly paused: boolean;
}

/** A yes/no question the skill is waiting on. */
export type Question = 'pregnancy' | 'resume' | 'deleteData' | 'startOffer';

export interface SkillState {
  readonly v: typeof STATE_VERSION;
  readonly progress?: Progress;
  readonly pending?: { readonly question: Question; readonly routineId?: RoutineId };
  readonly prefs: Preferences;
  /** The user's answer to the pregnancy question; absent until asked. */
  readonly pregnant?: boolean;
  /** The one-time disclaimer has been heard. */
  readonly disclaimed?: boolean;
}

export const INITIAL_STATE: SkillState = { v: STATE_VERSION, prefs: DEFAULT_PREFERENCES };

export type RoutineEvent =
  | { readonly type: 'start'; readonly routineId: RoutineId }
  | { readonly type: 'answer'; readonly yes: boolean }
  | { readonly type: 'next' } | { readonly type: 'previous' } | { readonly type: 'repeat' }
  | { readonly type: 'pause' } | { readonly type: 'resume' } | { readonly type: 'startOver' }
  | { readonly type: 'stop' }
  | { readonly type: 'offerResume' }
  | { readonly type: 'setPrefs'; readonly prefs: Partial<Preferences> }
  | { readonly type: 'resetSettings' }
  | { readonly type: 'askDelete' }
  | { readonly type: 'disclaimed' };

/** Why a segment is being played: words that go before it. */
export type SegmentNote = 'begin' | 'continue' | 'repeat' | 'resume' | 'startOver' | 'back' | 'atFirstStep';

/** What the skill should say, as data. Speech is composed from it by the turn builder. */
export type Outcome =
  | { readonly kind: 'segment'; readonly routineId: RoutineId; readonly stepIndex: number; readonly segmentIndex: number;
      readonly note: SegmentNote; readonly skipped?: readonly string[]; readonly disclaimer?: boolean }
  | { readonly kind: 'askPregnancy'; readonly routineId: RoutineId }
  | { readonly kind: 'routineDone'; readonly routineId: RoutineId }
  | { readonly kind: 'paused'; readonly already: boolean }
  | { readonly kind: 'goodbye'; readonly hasProgress: boolean }
  | { readonly kind: 'offerResume'; readonly routineId: RoutineId; readonly stepIndex: number }
  | { readonly kind: 'freshStart' }
  | { readonly kind: 'prefsChanged'; readonly prefs: Partial<Preferences> }
  | { readonly kind: 'settingsReset' }
  | { readonly kind: 'confirmDelete' }
  | { readonly kind: 'deleteData' }
  | { readonly kind: 'deleteDeclined' }
  | { readonly kind: 'noRoutine'; readonly asked: RoutineEvent['type'] }
  | { readonly kind: 'noQuestion' };

export interface Transition { readonly state: SkillState; readonly outcome: Outcome }

/** Segment count of a step for given preferences; injected because it depends on the locale's words. */
export type SegmentCounter = (routineId: RoutineId, stepIndex: number, prefs: Preferences) => number;

/** Whether a step includes a point to avoid in pregnancy. */
export function isPregnancyCaution(step: Step): boolean {
  return step.points.some((p) => POINTS[p].avoidInPregnancy);
}

/** Indices of the steps a user does, given their pregnancy answer. */
export function activeSteps(routineId: RoutineId, pregnant: boolean | undefined): number[] {
  return getRoutine(routineId).steps.flatMap((step, i) => (pregnant && isPregnancyCaution(step) ? [] : [i]));
}

/** Ids of steps left out for pregnancy. */
export function skippedSteps(routineId: RoutineId, pregnant: boolean | undefined): string[] {
  return pregnant ? getRoutine(routineId).steps.filter(isPregnancyCaution).map((s) => s.id) : [];
}

export function routineNeedsPregnancyQuestion(routineId: RoutineId): boolean {
  return getRoutine(routineId).steps.some(isPregnancyCaution);
}

function begin(state: SkillState, routineId: RoutineId): Transition {
  const steps = activeSteps(routineId, state.pregnant);
  const { pending: _drop, ...rest } = state;
  const first = steps[0] ?? 0;
  const skipped = skippedSteps(routineId, state.pregnant);
  return {
    state: { ...rest, progress: { routineId, stepIndex: first, segmentIndex: 0, paused: false }, disclaimed: true },
    outcome: {
      kind: 'segment', routineId, stepIndex: first, segmentIndex: 0, note: 'begin',
      ...(skipped.length ? { skipped } : {}), ...(state.disclaimed ? {} : { disclaimer: true }),
    },
  };
}

function play(state: SkillState, progress: Progress, note: SegmentNote): Transition {
  const { pending: _drop, ...rest } = state;
  const p = { ...progress, paused: false };
  return {
    state: { ...rest, progress: p },
    outcome: { kind: 'segment', routineId: p.routineId, stepIndex: p.stepIndex, segmentIndex: p.segmentIndex, note },
  };
}

function withoutPending(state: SkillState): SkillState {
  const { pending: _drop, ...rest } = state;
  return rest;
}

function answer(state: SkillState, yes: boolean): Transition {
  const pending = state.pending;
  const rest = withoutPending(state);
  switch (pending?.question) {
    case 'pregnancy':
      return begin({ ...rest, pregnant: yes }, pending.routineId ?? 'ankle');
    case 'startOffer':
      return yes ? start(rest, pending.routineId ?? 'ankle') : { state: rest, outcome: { kind: 'freshStart' } };
    case 'resume':
      if (yes && state.progress) return play(rest, state.progress, 'resume');
      { const { progress: _p, ...fresh } = rest; return { state: fresh, outcome: { kind: 'freshStart' } }; }
    case 'deleteData':
      return yes
        ? { state: INITIAL_STATE, outcome: { kind: 'deleteData' } }
        : { state: rest, outcome: { kind: 'deleteDeclined' } };
    default:
      return { state, outcome: { kind: 'noQuestion' } };
  }
}

function start(state: SkillState, routineId: RoutineId): Transition {
  if (state.pregnant === undefined && routineNeedsPregnancyQuestion(routineId)) {
    return { state: { ...state, pending: { question: 'pregnancy', routineId } }, outcome: { kind: 'askPregnancy', routineId } };
  }
  return begin(state, routineId);
}

/**
 * The routine state machine: a pure reducer.
 * @example next(INITIAL_STATE, { type: 'start', routineId: 'lowBack' }, count).outcome
 * // { kind: 'segment', routineId: 'lowBack', stepIndex: 0, segmentIndex: 0, note: 'begin' }
 */
export function next(state: SkillState, event: RoutineEvent, segmentCount: SegmentCounter): Transition {
  const progress = state.progress;
  const noRoutine = (): Transition => ({ state: withoutPending(state), outcome: { kind: 'noRoutine', asked: event.type } });
  switch (event.type) {
    case 'start':
      return start(withoutPending(state), event.routineId);
    case 'answer':
      return answer(state, event.yes);
    case 'next': {
      if (!progress) return noRoutine();
      if (progress.segmentIndex + 1 < segmentCount(progress.routineId, progress.stepIndex, state.prefs)) {
        return play(state, { ...progress, segmentIndex: progress.segmentIndex + 1 }, 'continue');
      }
      const following = activeSteps(progress.routineId, state.pregnant).find((i) => i > progress.stepIndex);
      if (following === undefined) {
        const { progress: _done, ...rest } = withoutPending(state);
        return { state: rest, outcome: { kind: 'routineDone', routineId: progress.routineId } };
      }
      return play(state, { ...progress, stepIndex: following, segmentIndex: 0 }, 'continue');
    }
    case 'previous': {
      if (!progress) return noRoutine();
      const earlier = activeSteps(progress.routineId, state.pregnant).filter((i) => i < progress.stepIndex).pop();
      if (earlier === undefined) return play(state, { ...progress, segmentIndex: 0 }, 'atFirstStep');
      return play(state, { ...progress, stepIndex: earlier, segmentIndex: 0 }, 'back');
    }
    case 'repeat':
      return progress ? play(state, progress, 'repeat') : noRoutine();
    case 'pause':
      if (!progress) return noRoutine();
      return { state: { ...withoutPending(state), progress: { ...progress, paused: true } }, outcome: { kind: 'paused', already: progress.paused } };
    case 'resume':
      return progress ? play(state, progress, 'resume') : noRoutine();
    case 'startOver': {
      if (!progress) return noRoutine();
      const first = activeSteps(progress.routineId, state.pregnant)[0] ?? 0;
      return play(state, { ...progress, stepIndex: first, segmentIndex: 0 }, 'startOver');
    }
    case 'stop':
      return {
        state: { ...withoutPending(state), ...(progress ? { progress: { ...progress, paused: true } } : {}) },
        outcome: { kind: 'goodbye', hasProgress: Boolean(progress) },
      };
    case 'offerResume':
      if (!progress) return { state, outcome: { kind: 'freshStart' } };
      return {
        state: { ...state, progress: { ...progress, paused: true }, pending: { question: 'resume' } },
        outcome: { kind: 'offerResume', routineId: progress.routineId, stepIndex: progress.stepIndex },
      };
    case 'setPrefs': {
      const prefs = { ...state.prefs, ...event.prefs };
      const clamped = progress
        ? { ...progress, segmentIndex: Math.min(progress.segmentIndex, segmentCount(progress.routineId, progress.stepIndex, prefs) - 1) }
        : undefined;
      return { state: { ...state, prefs, ...(clamped ? { progress: clamped } : {}) }, outcome: { kind: 'prefsChanged', prefs: event.prefs } };
    }
    case 'resetSettings': {
      const { pregnant: _forget, ...rest } = withoutPending(state);
      return { state: { ...rest, prefs: DEFAULT_PREFERENCES }, outcome: { kind: 'settingsReset' } };
    }
    case 'askDelete':
      return { state: { ...state, pending: { question: 'deleteData' } }, outcome: { kind: 'confirmDelete' } };
    case 'disclaimed':
      return { state: { ...state, disclaimed: true }, outcome: { kind: 'freshStart' } };
  }
}
