/**
 * Questions and their answers: starting a routine (with the pregnancy question first where it matters),
 * and what "yes", "no" and "I'm not sure" mean for each pending question. "Yes" is decided here only.
 */
import { routineNeedsPregnancyQuestion } from './content/steps.js';
import type { RoutineId } from './content/types.js';
import type { Answer } from './events.js';
import { isLightStep } from './lighter.js';
import type { Transition } from './outcomes.js';
import { followingStep, introAt } from './pacing.js';
import { resumeEntry } from './position.js';
import { planFor } from './plan.js';
import { segment, withoutPending, withoutProgress } from './reduce-kit.js';
import { INITIAL_STATE, type Pending, type SkillState } from './state.js';
import { beginPoint } from './practise.js';

/** A routine from its first step, with the one-time note and the routine's introduction. */
export function begin(state: SkillState, routineId: RoutineId, unsure = false, remembered?: boolean): Transition {
  const first = planFor(state, routineId).steps[0];
  const returning = state.heard?.includes(routineId) ?? false;
  const heard = [...new Set([...(state.heard ?? []), routineId])];
  return segment({ ...state, disclaimed: true, heard }, routineId, first ? introAt(first.index) : undefined, 'begin', {
    returning, ...(state.disclaimed ? {} : { disclaimer: true }), ...(unsure ? { unsure: true } : {}),
    ...(remembered !== undefined ? { remembered } : {}),
  });
}

/** "Start the ankle routine": the pregnancy question first when the routine has points it concerns. */
export function start(state: SkillState, routineId: RoutineId): Transition {
  const clean = withoutProgress(withoutPending(state));
  if (state.leaveOut === undefined && routineNeedsPregnancyQuestion(routineId)) {
    return { state: { ...clean, pending: { question: 'pregnancy', routineId } }, outcome: { kind: 'askPregnancy', routineId } };
  }
  return begin(clean, routineId);
}

/** The question again, briefly: for an unrelated answer, help, a move through the routine, and the reprompt. */
export function askAgain(state: SkillState, pending: Pending): Transition {
  switch (pending.question) {
    case 'pregnancy': return { state, outcome: { kind: 'askPregnancy', routineId: pending.routineId ?? 'ankle', again: true, ...(pending.pointId ? { pointId: pending.pointId } : {}) } };
    case 'remember': return { state, outcome: { kind: 'askRemember', told: false, again: true } };
    case 'resume': return { state, outcome: { kind: 'offerResume', routineId: state.progress?.routineId ?? 'ankle', stepIndex: state.progress?.at.stepIndex ?? 0, again: true, ...(state.progress?.point ? { pointId: state.progress.point } : {}) } };
    case 'deleteData': return { state, outcome: { kind: 'confirmDelete', again: true } };
    case 'didYouMean': return { state, outcome: { kind: 'unknownPoint', suggestions: pending.pointId ? [pending.pointId] : [], missing: false } };
    case 'startRoutine': return { state, outcome: { kind: 'screening', routineId: pending.routineId, again: true } };
    case 'whichMassage': return { state, outcome: { kind: 'massages', again: true } };
    case 'pain': {
      const p = state.progress;
      return { state, outcome: { kind: 'pain', again: true, stillHurts: Boolean(p && isLightStep(state, p.at.stepIndex)) } };
    }
  }
}

/**
 * A yes, no or "not sure" to the question asked.
 * @param point answers "did you mean …?" with the point's answer (the reducer's point event).
 */
export function answer(state: SkillState, reply: Answer, point: (s: SkillState, pending: Pending) => Transition): Transition {
  const pending = state.pending;
  const rest = withoutPending(state);
  if (!pending) return { state, outcome: { kind: 'noQuestion', inRoutine: Boolean(state.progress) } };
  switch (pending.question) {
    case 'pregnancy': {
      // "Shall I leave them out?": yes and unsure take the safe default, for this session; whether to keep it
      // beyond the session is the user's to say (consent), asked once, before the routine begins.
      const routineId = pending.routineId ?? 'ankle';
      // Asked before a point practised on its own: that point, once chosen.
      const pointId = pending.pointId;
      const go = (s: SkillState, unsure = false) => (pointId ? beginPoint(s, pointId, unsure) : begin(s, routineId, unsure));
      if (reply === 'no') return go({ ...rest, leaveOut: false });
      if (state.keepChoice) return go({ ...rest, leaveOut: true }, reply === 'unsure');
      return { state: { ...rest, leaveOut: true, pending: { question: 'remember', routineId, ...(pointId ? { pointId } : {}), ...(reply === 'unsure' ? { unsure: true } : {}) } }, outcome: { kind: 'askRemember', told: false } };
    }
    case 'remember': {
      if (reply === 'unsure') return askAgain(state, pending);
      const { keepChoice: _drop, ...unkept } = rest;
      const chosen: SkillState = reply === 'yes' ? { ...rest, keepChoice: true } : unkept;
      if (pending.pointId) return beginPoint(chosen, pending.pointId, pending.unsure === true, reply === 'yes');
      if (pending.routineId) return begin(chosen, pending.routineId, pending.unsure === true, reply === 'yes');
      return { state: chosen, outcome: { kind: 'rememberAnswered', remembered: reply === 'yes', inRoutine: Boolean(state.progress) } };
    }
    case 'resume': {
      if (reply === 'unsure') return askAgain(state, pending);
      const progress = state.progress;
      if (reply === 'yes' && progress) return segment(rest, progress.routineId, resumeEntry(planFor(rest, progress.routineId), progress.at), 'resume');
      return { state: withoutProgress(rest), outcome: { kind: 'freshStart' } };
    }
    case 'deleteData':
      if (reply === 'unsure') return askAgain(state, pending);
      // The edge erases the record (an effect); the session starts over from nothing.
      return reply === 'yes' ? { state: INITIAL_STATE, outcome: { kind: 'deleteData' }, effects: { erase: true } } : { state: rest, outcome: { kind: 'deleteDeclined' } };
    case 'didYouMean':
      if (reply === 'yes' && pending.pointId) return point(rest, pending);
      return { state: rest, outcome: { kind: 'didYouMeanDeclined' } };
    case 'startRoutine':
      if (reply === 'yes' && pending.routineId) return start(rest, pending.routineId);
      if (reply === 'yes') return { state: { ...rest, pending: { question: 'whichMassage' } }, outcome: { kind: 'massages' } };
      return { state: rest, outcome: { kind: 'freshStart' } };
    case 'whichMassage':
      return reply === 'no' ? { state: rest, outcome: { kind: 'freshStart' } } : askAgain(state, pending);
    case 'pain': {
      // "No" to "lighter, skip or stop?": none of them. The painful point is left behind: a later "next" or
      // "resume" starts the point after it, never this one again.
      if (reply !== 'no') return askAgain(state, pending);
      const p = rest.progress;
      const after = p ? followingStep(planFor(rest, p.routineId), p.at.stepIndex) : undefined;
      const left = p && after ? { ...rest, progress: { ...p, at: { stepIndex: after.index, atMs: 0 }, paused: true } } : withoutProgress(rest);
      return { state: left, outcome: { kind: 'freshStart' } };
    }
  }
}
