/**
 * The routine state machine: a pure reducer `next(state, event, nowMs)`.
 * Every request first settles where the user is in plan time (from what the last response played and
 * the request's timestamp), then the event decides what happens from there.
 */
import { getRoutine } from './content/routines.js';
import { isPregnancyCaution, routineNeedsPregnancyQuestion } from './content/steps.js';
import type { PointId, RoutineId, TechniqueId } from './content/types.js';
import type { Entry } from './pacing.js';
import { followingStep, introAt } from './pacing.js';
import { planRoutine, plannedStep, remainingHoldMs, type RoutinePlan } from './plan.js';
import { continueEntry, resumeEntry, settle } from './position.js';
import { INITIAL_STATE, type LastAnswer, type Pending, type Position, type Progress, type SkillState } from './state.js';
import { DEFAULT_PREFERENCES, type Preferences } from './timeline.js';

export type Answer = 'yes' | 'no' | 'unsure';

export type RoutineEvent =
  | { readonly type: 'launch'; readonly storeDown?: boolean }
  | { readonly type: 'start'; readonly routineId: RoutineId }
  | { readonly type: 'massages' }
  | { readonly type: 'answer'; readonly answer: Answer }
  | { readonly type: 'next' } | { readonly type: 'segmentDone' } | { readonly type: 'skip' }
  | { readonly type: 'previous' } | { readonly type: 'otherFoot' } | { readonly type: 'redo' }
  | { readonly type: 'repeat' } | { readonly type: 'pause' } | { readonly type: 'resume' } | { readonly type: 'startOver' }
  | { readonly type: 'stop' } | { readonly type: 'sessionEnded' }
  | { readonly type: 'point'; readonly pointId: PointId; readonly ask: 'where' | 'helps' }
  | { readonly type: 'unknownPoint'; readonly suggestions: readonly PointId[]; readonly missing: boolean; readonly ask: 'where' | 'helps' }
  | { readonly type: 'technique'; readonly techniqueId: TechniqueId | undefined }
  | { readonly type: 'currentPoint'; readonly cantFind: boolean }
  | { readonly type: 'howLong' } | { readonly type: 'whatsNext' }
  | { readonly type: 'pain' } | { readonly type: 'tingling' } | { readonly type: 'lighter' }
  | { readonly type: 'symptom'; readonly routineId: RoutineId | undefined }
  | { readonly type: 'pregnant' } | { readonly type: 'notPregnant' } | { readonly type: 'forgetChoice' }
  | { readonly type: 'setPrefs'; readonly prefs: Partial<Preferences> }
  | { readonly type: 'resetSettings' }
  | { readonly type: 'askDelete' } | { readonly type: 'deleted' }
  | { readonly type: 'help' } | { readonly type: 'fallback' };

/** Why a segment is played: words that go before it. */
export type SegmentNote = 'begin' | 'continue' | 'repeat' | 'resume' | 'startOver' | 'back' | 'atFirstStep' | 'skip' | 'redo' | 'otherFoot' | 'lighter' | 'skippedForChoice';

/** A short answer spoken before the routine carries on in the same response. */
export type Aside =
  | { readonly kind: 'howLong'; readonly remainingMs: number; readonly steps: number }
  | { readonly kind: 'whatsNext'; readonly stepIndex: number | undefined }
  | { readonly kind: 'currentPoint'; readonly stepIndex: number; readonly cantFind: boolean }
  | { readonly kind: 'leaveOut'; readonly skipped: readonly number[] };

/** What the skill should say, as data. Speech is composed from it by the turn builder. */
export type Outcome =
  | { readonly kind: 'segment'; readonly routineId: RoutineId; readonly entry: Entry; readonly note: SegmentNote;
      readonly aside?: Aside; readonly disclaimer?: boolean; readonly returning?: boolean; readonly unsure?: boolean }
  | { readonly kind: 'welcome'; readonly returning: boolean; readonly disclaimer: boolean; readonly storeDown: boolean }
  | { readonly kind: 'askPregnancy'; readonly routineId: RoutineId; readonly again?: boolean }
  | { readonly kind: 'routineDone'; readonly routineId: RoutineId }
  | { readonly kind: 'paused'; readonly already: boolean }
  | { readonly kind: 'goodbye'; readonly hasProgress: boolean }
  | { readonly kind: 'silent' }
  | { readonly kind: 'offerResume'; readonly routineId: RoutineId; readonly stepIndex: number; readonly again?: boolean }
  | { readonly kind: 'freshStart' }
  | { readonly kind: 'massages'; readonly again?: boolean }
  | { readonly kind: 'point'; readonly pointId: PointId; readonly ask: 'where' | 'helps'; readonly inRoutine: boolean }
  | { readonly kind: 'unknownPoint'; readonly suggestions: readonly PointId[]; readonly missing: boolean }
  | { readonly kind: 'technique'; readonly techniqueId: TechniqueId | undefined; readonly inRoutine: boolean }
  | { readonly kind: 'noCurrentPoint' }
  | { readonly kind: 'pain'; readonly again?: boolean }
  /** Tingling or numbness: stop pressing and see a doctor if it keeps coming; in a routine, the choices of pain. */
  | { readonly kind: 'tingling'; readonly inRoutine: boolean }
  | { readonly kind: 'screening'; readonly routineId: RoutineId | undefined; readonly again?: boolean }
  | { readonly kind: 'choiceSaved'; readonly leaveOut: boolean; readonly inRoutine: boolean }
  | { readonly kind: 'choiceForgotten'; readonly inRoutine: boolean }
  | { readonly kind: 'prefsChanged'; readonly prefs: Partial<Preferences>; readonly inRoutine: boolean }
  | { readonly kind: 'settingsReset'; readonly inRoutine: boolean }
  | { readonly kind: 'confirmDelete'; readonly again?: boolean }
  | { readonly kind: 'deleteData' }
  | { readonly kind: 'deleteDeclined' }
  | { readonly kind: 'noRoutine' }
  | { readonly kind: 'noQuestion'; readonly inRoutine: boolean }
  | { readonly kind: 'help'; readonly where: 'idle' | 'routine' | 'paused' }
  | { readonly kind: 'fallback'; readonly where: 'idle' | 'routine' | 'paused' }
  | { readonly kind: 'didYouMeanDeclined' };

export interface Transition { readonly state: SkillState; readonly outcome: Outcome }

/** Events that move through a routine: none of them answers a pending yes/no question. */
const ROUTINE_MOVES: ReadonlySet<RoutineEvent['type']> = new Set(['next', 'segmentDone', 'skip', 'previous', 'otherFoot', 'redo', 'repeat', 'resume', 'startOver', 'lighter', 'currentPoint', 'howLong', 'whatsNext', 'pause']);

const withoutPending = (state: SkillState): SkillState => {
  const { pending: _drop, ...rest } = state;
  return rest;
};

const withoutProgress = (state: SkillState): SkillState => {
  const { progress: _drop, ...rest } = state;
  return rest;
};

const planOf = (state: SkillState, routineId: RoutineId): RoutinePlan => planRoutine(routineId, state.prefs, state.leaveOut);

/** The routine's place now: what was played settled against the clock; 'done' when it was heard to its end. */
function here(progress: Progress, nowMs: number): { at: Position | 'done'; interrupted: boolean; heardUpToMs: number } {
  if (!progress.played) return { at: progress.at, interrupted: false, heardUpToMs: progress.at.atMs };
  const settled = settle(progress.played, nowMs);
  return { ...settled, heardUpToMs: progress.played.next?.atMs ?? 0 };
}

/** State whose progress is held at a place (a detour, a pause, a stop), with nothing playing. */
function holdAt(state: SkillState, progress: Progress, at: Position, paused: boolean): SkillState {
  return { ...state, progress: { routineId: progress.routineId, at, paused } };
}

function segment(state: SkillState, routineId: RoutineId, entry: Entry | undefined, note: SegmentNote, extra: Partial<Extract<Outcome, { kind: 'segment' }>> = {}): Transition {
  const base = withoutPending(state);
  if (!entry) return { state: withoutProgress(base), outcome: { kind: 'routineDone', routineId } };
  return {
    state: { ...base, progress: { routineId, at: { stepIndex: entry.stepIndex, atMs: entry.atMs }, paused: false } },
    outcome: { kind: 'segment', routineId, entry, note, ...extra },
  };
}


function begin(state: SkillState, routineId: RoutineId, unsure = false): Transition {
  const first = planOf(state, routineId).steps[0];
  const returning = state.heard?.includes(routineId) ?? false;
  return segment({ ...state, disclaimed: true, heard: [...new Set([...(state.heard ?? []), routineId])] }, routineId, first ? introAt(first.index) : undefined, 'begin', {
    returning, ...(state.disclaimed ? {} : { disclaimer: true }), ...(unsure ? { unsure: true } : {}),
  });
}

function start(state: SkillState, routineId: RoutineId): Transition {
  const clean = withoutProgress(withoutPending(state));
  if (state.leaveOut === undefined && routineNeedsPregnancyQuestion(routineId)) {
    return { state: { ...clean, pending: { question: 'pregnancy', routineId } }, outcome: { kind: 'askPregnancy', routineId } };
  }
  return begin(clean, routineId);
}

/** The question again, briefly: for an unrelated answer, help and the reprompt. */
function askAgain(state: SkillState, pending: Pending): Transition {
  switch (pending.question) {
    case 'pregnancy': return { state, outcome: { kind: 'askPregnancy', routineId: pending.routineId ?? 'ankle', again: true } };
    case 'resume': return { state, outcome: { kind: 'offerResume', routineId: state.progress?.routineId ?? 'ankle', stepIndex: state.progress?.at.stepIndex ?? 0, again: true } };
    case 'deleteData': return { state, outcome: { kind: 'confirmDelete', again: true } };
    case 'didYouMean': return { state, outcome: { kind: 'unknownPoint', suggestions: pending.pointId ? [pending.pointId] : [], missing: false } };
    case 'startRoutine': return { state, outcome: { kind: 'screening', routineId: pending.routineId, again: true } };
    case 'whichMassage': return { state, outcome: { kind: 'massages', again: true } };
    case 'pain': return { state, outcome: { kind: 'pain', again: true } };
  }
}

function answer(state: SkillState, reply: Answer, nowMs: number): Transition {
  const pending = state.pending;
  const rest = withoutPending(state);
  if (!pending) return { state, outcome: { kind: 'noQuestion', inRoutine: Boolean(state.progress) } };
  switch (pending.question) {
    case 'pregnancy':
      // "Shall I leave them out?": yes and unsure take the safe default.
      return begin({ ...rest, leaveOut: reply !== 'no' }, pending.routineId ?? 'ankle', reply === 'unsure');
    case 'resume': {
      if (reply === 'unsure') return askAgain(state, pending);
      const progress = state.progress;
      if (reply === 'yes' && progress) return segment(rest, progress.routineId, resumeEntry(planOf(rest, progress.routineId), progress.at), 'resume');
      return { state: withoutProgress(rest), outcome: { kind: 'freshStart' } };
    }
    case 'deleteData':
      if (reply === 'unsure') return askAgain(state, pending);
      return reply === 'yes' ? { state: INITIAL_STATE, outcome: { kind: 'deleteData' } } : { state: rest, outcome: { kind: 'deleteDeclined' } };
    case 'didYouMean':
      if (reply === 'yes' && pending.pointId) return next(rest, { type: 'point', pointId: pending.pointId, ask: pending.ask ?? 'where' }, nowMs);
      return { state: rest, outcome: { kind: 'didYouMeanDeclined' } };
    case 'startRoutine':
      if (reply === 'yes' && pending.routineId) return start(rest, pending.routineId);
      if (reply === 'yes') return { state: { ...rest, pending: { question: 'whichMassage' } }, outcome: { kind: 'massages' } };
      return { state: rest, outcome: { kind: 'freshStart' } };
    case 'whichMassage':
    case 'pain':
      return reply === 'no' ? { state: rest, outcome: { kind: 'freshStart' } } : askAgain(state, pending);
  }
}

/** Where the routine is now, or undefined without one; a routine heard to its end is finished here. */
function current(state: SkillState, nowMs: number) {
  const progress = state.progress;
  if (!progress) return undefined;
  const h = here(progress, nowMs);
  return { progress, ...h, plan: planOf(state, progress.routineId) };
}

/**
 * Applies one event.
 * @example next(INITIAL_STATE, { type: 'start', routineId: 'lowBack' }, 0).outcome.kind // 'segment'
 */
export function next(state: SkillState, event: RoutineEvent, nowMs: number): Transition {
  const now = current(state, nowMs);
  // A routine heard to its end is over, whatever comes next.
  if (now && now.at === 'done' && event.type !== 'sessionEnded') {
    return next(withoutProgress(state), event, nowMs);
  }
  const at = now && now.at !== 'done' ? now.at : undefined;
  // A question waits for its answer: moving through the routine instead gets the question again, briefly.
  // ("Resume" to the resume offer is a yes; the pain offer's answers are "lighter", "skip" and "stop".)
  const pending = state.pending;
  if (pending && pending.question !== 'pain' && ROUTINE_MOVES.has(event.type)) {
    if (pending.question === 'resume' && event.type === 'resume') return answer(state, 'yes', nowMs);
    return askAgain(state, pending);
  }
  const noRoutine = (): Transition => ({ state: withoutPending(state), outcome: { kind: 'noRoutine' } });
  const where = (): 'idle' | 'routine' | 'paused' => (state.progress ? (state.progress.paused ? 'paused' : 'routine') : 'idle');
  /** A detour keeps the place and waits there. */
  const keep = (s: SkillState = state): SkillState => (now && at ? holdAt(s, now.progress, at, true) : s);
  const remember = (s: SkillState, last: LastAnswer): SkillState => ({ ...s, last });
  /** On to the step after the current one (the routine's end after the last). */
  const skipFrom = (n: NonNullable<typeof now>, p: Position): Transition => {
    const after = followingStep(n.plan, p.stepIndex);
    return segment(state, n.progress.routineId, after ? introAt(after.index) : undefined, 'skip');
  };

  switch (event.type) {
    case 'launch': {
      const base = withoutPending(state);
      if (now && at) {
        return { state: { ...holdAt(base, now.progress, at, true), pending: { question: 'resume' } }, outcome: { kind: 'offerResume', routineId: now.progress.routineId, stepIndex: at.stepIndex } };
      }
      return { state: { ...base, disclaimed: true }, outcome: { kind: 'welcome', returning: Boolean(state.disclaimed), disclaimer: !state.disclaimed, storeDown: event.storeDown === true } };
    }
    case 'start':
      return start(state, event.routineId);
    case 'massages':
      return { state: { ...keep(withoutPending(state)), pending: { question: 'whichMassage' } }, outcome: { kind: 'massages' } };
    case 'answer':
      return answer(state, event.answer, nowMs);
    case 'segmentDone':
    case 'next': {
      if (!now || !at) return state.pending ? askAgain(state, state.pending) : noRoutine();
      if (state.progress?.paused || (!state.progress?.played)) return segment(state, now.progress.routineId, resumeEntry(now.plan, at), 'resume');
      if (now.interrupted && event.type === 'next') return skipFrom(now, at);
      return segment(state, now.progress.routineId, continueEntry(now.plan, at, now.heardUpToMs), 'continue');
    }
    case 'skip':
      return now && at ? skipFrom(now, at) : noRoutine();
    case 'previous': {
      if (!now || !at) return noRoutine();
      const earlier = now.plan.steps.filter((s) => s.index < at.stepIndex).pop();
      return segment(state, now.progress.routineId, introAt(earlier?.index ?? at.stepIndex), earlier ? 'back' : 'atFirstStep');
    }
    case 'otherFoot':
    case 'redo':
    case 'startOver': {
      if (!now || !at) return noRoutine();
      if (event.type === 'startOver') return segment(state, now.progress.routineId, now.plan.steps[0] ? introAt((now.plan.steps[0]).index) : undefined, 'startOver');
      const step = plannedStep(now.plan, at.stepIndex) ?? followingStep(now.plan, at.stepIndex);
      return segment(state, now.progress.routineId, step ? introAt(step.index) : undefined, event.type);
    }
    case 'repeat': {
      if (state.pending) return askAgain(state, state.pending);
      if (now && at) {
        const entry = resumeEntry(now.plan, at);
        return segment(state, now.progress.routineId, entry ? { ...entry, words: 'intro' } : undefined, 'repeat');
      }
      const last = state.last;
      if (last?.kind === 'point') return next(state, { type: 'point', pointId: last.pointId, ask: last.ask }, nowMs);
      if (last?.kind === 'technique') return next(state, { type: 'technique', techniqueId: last.techniqueId }, nowMs);
      return { state, outcome: { kind: 'help', where: 'idle' } };
    }
    case 'lighter': {
      if (!now || !at) return noRoutine();
      return segment(state, now.progress.routineId, resumeEntry(now.plan, at), 'lighter');
    }
    case 'resume': {
      if (!now || !at) return state.pending ? askAgain(state, state.pending) : noRoutine();
      return segment(state, now.progress.routineId, resumeEntry(now.plan, at), 'resume');
    }
    case 'pause':
      if (!now || !at) return noRoutine();
      return { state: keep(withoutPending(state)), outcome: { kind: 'paused', already: Boolean(state.progress?.paused) } };
    case 'stop':
      return { state: keep(withoutPending(state)), outcome: { kind: 'goodbye', hasProgress: Boolean(at) } };
    case 'sessionEnded':
      return { state: now && !at ? withoutProgress(withoutPending(state)) : keep(withoutPending(state)), outcome: { kind: 'silent' } };
    case 'point':
      return { state: remember(keep(withoutPending(state)), { kind: 'point', pointId: event.pointId, ask: event.ask }), outcome: { kind: 'point', pointId: event.pointId, ask: event.ask, inRoutine: Boolean(at) } };
    case 'unknownPoint': {
      const only = event.suggestions.length === 1 ? event.suggestions[0] : undefined;
      const base = keep(withoutPending(state));
      return {
        state: only ? { ...base, pending: { question: 'didYouMean', pointId: only, ask: event.ask } } : base,
        outcome: { kind: 'unknownPoint', suggestions: event.suggestions, missing: event.missing },
      };
    }
    case 'technique':
      return { state: event.techniqueId ? remember(keep(withoutPending(state)), { kind: 'technique', techniqueId: event.techniqueId }) : keep(withoutPending(state)), outcome: { kind: 'technique', techniqueId: event.techniqueId, inRoutine: Boolean(at) } };
    case 'currentPoint': {
      if (!now || !at) return { state, outcome: { kind: 'noCurrentPoint' } };
      const entry = resumeEntry(now.plan, at);
      if (!entry) return { state, outcome: { kind: 'noCurrentPoint' } };
      return segment(state, now.progress.routineId, entry, 'resume', { aside: { kind: 'currentPoint', stepIndex: entry.stepIndex, cantFind: event.cantFind } });
    }
    case 'howLong':
    case 'whatsNext': {
      if (!now || !at) return noRoutine();
      const entry = resumeEntry(now.plan, at);
      const aside: Aside = event.type === 'howLong'
        ? { kind: 'howLong', remainingMs: remainingMs(now.plan, at), steps: now.plan.steps.filter((s) => s.index > at.stepIndex || (s.index === at.stepIndex && (s.untimed || at.atMs < s.durationMs))).length }
        : { kind: 'whatsNext', stepIndex: followingStep(now.plan, at.stepIndex)?.index };
      return segment(state, now.progress.routineId, entry, 'resume', { aside });
    }
    case 'pain':
      // Without a routine, "it hurts" is a symptom: screening first.
      if (!at) return next(state, { type: 'symptom', routineId: undefined }, nowMs);
      // Stop pacing now; the place is kept so that lighter pressure or skipping can pick it up.
      return { state: { ...keep(withoutPending(state)), pending: { question: 'pain' } }, outcome: { kind: 'pain' } };
    case 'tingling':
      // In a routine as pain is (pacing stops, the place is kept, lighter / skip / stop offered); before one, advice only.
      if (!at) return { state: withoutPending(state), outcome: { kind: 'tingling', inRoutine: false } };
      return { state: { ...keep(withoutPending(state)), pending: { question: 'pain' } }, outcome: { kind: 'tingling', inRoutine: true } };
    case 'symptom':
      if (at) return { state: { ...keep(withoutPending(state)), pending: { question: 'pain' } }, outcome: { kind: 'pain' } };
      return { state: { ...withoutPending(state), pending: { question: 'startRoutine', ...(event.routineId ? { routineId: event.routineId } : {}) } }, outcome: { kind: 'screening', routineId: event.routineId } };
    case 'pregnant': {
      const chosen = { ...withoutPending(state), leaveOut: true };
      if (state.pending?.question === 'pregnancy') return answer(state, 'yes', nowMs);
      if (!now || !at) return { state: chosen, outcome: { kind: 'choiceSaved', leaveOut: true, inRoutine: false } };
      const steps = getRoutine(now.progress.routineId).steps;
      const skippedNow = steps.flatMap((s, i) => (isPregnancyCaution(s) && i >= at.stepIndex ? [i] : []));
      const plan = planOf(chosen, now.progress.routineId);
      return segment(chosen, now.progress.routineId, resumeEntry(plan, at), 'skippedForChoice', { aside: { kind: 'leaveOut', skipped: skippedNow } });
    }
    case 'notPregnant':
      if (state.pending?.question === 'pregnancy') return answer(state, 'no', nowMs);
      return { state: keep({ ...withoutPending(state), leaveOut: false }), outcome: { kind: 'choiceSaved', leaveOut: false, inRoutine: Boolean(at) } };
    case 'forgetChoice': {
      const { leaveOut: _forget, ...rest } = withoutPending(state);
      return { state: keep(rest), outcome: { kind: 'choiceForgotten', inRoutine: Boolean(at) } };
    }
    case 'setPrefs':
      return { state: keep({ ...withoutPending(state), prefs: { ...state.prefs, ...event.prefs } }), outcome: { kind: 'prefsChanged', prefs: event.prefs, inRoutine: Boolean(at) } };
    case 'resetSettings': {
      const { leaveOut: _forget, ...rest } = withoutPending(state);
      return { state: keep({ ...rest, prefs: DEFAULT_PREFERENCES }), outcome: { kind: 'settingsReset', inRoutine: Boolean(at) } };
    }
    case 'askDelete':
      return { state: { ...keep(withoutPending(state)), pending: { question: 'deleteData' } }, outcome: { kind: 'confirmDelete' } };
    case 'deleted':
      return { state: INITIAL_STATE, outcome: { kind: 'deleteData' } };
    case 'help':
      if (state.pending) return askAgain(state, state.pending);
      return { state: keep(state), outcome: { kind: 'help', where: where() } };
    case 'fallback':
      if (state.pending) return askAgain(state, state.pending);
      return { state: keep(state), outcome: { kind: 'fallback', where: where() } };
  }
}

/** Time left in the routine from a place, in ms: holds from the plan, plus the time to introduce each step still to come. */
export function remainingMs(plan: RoutinePlan, at: Position): number {
  return remainingHoldMs(plan, at.stepIndex, at.atMs) + plan.steps.filter((s) => s.index > at.stepIndex).length * STEP_SETUP_ALLOWANCE_MS;
}

/** Rough time to introduce a step and find its point, for spoken estimates only (never for pacing), in ms. */
const STEP_SETUP_ALLOWANCE_MS = 30_000;
