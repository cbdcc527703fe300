/**
 * What a person says about their body, in any mode: pain and tingling stop the pacing and keep the place;
 * after pain only the user's own choice moves on (skip, lighter, or resume at light pressure); the
 * pregnancy choice leaves points out from here on.
 */
import { getRoutine } from './content/routines.js';
import { isPregnancyCaution } from './content/steps.js';
import type { HealthCondition, RoutineEvent } from './events.js';
import { isLightStep } from './lighter.js';
import { lightened, skipFrom } from './moves.js';
import type { Transition } from './outcomes.js';
import { resumeEntry } from './position.js';
import { planFor } from './plan.js';
import { holdAt, segment, withoutPending, withoutProgress, type Now } from './reduce-kit.js';
import type { Position, SkillState } from './state.js';

type Safety = Extract<RoutineEvent, { type: 'pain' | 'tingling' | 'symptom' | 'pregnant' | 'notPregnant' | 'forgetChoice' }>;

/** The place kept, nothing playing, and the pain choices pending. */
function stopForPain(state: SkillState, now: Now, at: Position): SkillState {
  return { ...holdAt(withoutPending(state), now.progress, at, true), pending: { question: 'pain' } };
}

/**
 * A safety event. `now`/`at` are the routine and the settled place, when one is under way.
 * @param afterPain the pain choices were pending (the user said it hurts, or it tingles, before this).
 */
export function safety(state: SkillState, now: Now | undefined, at: Position | undefined, event: Safety, afterPain: boolean): Transition {
  switch (event.type) {
    case 'pain':
    case 'symptom': {
      // Without a routine, "it hurts" is a symptom: one screening line first, then the routine that suits it.
      if (!now || !at) {
        const routineId = event.type === 'symptom' ? event.routineId : undefined;
        return { state: { ...withoutPending(state), pending: { question: 'startRoutine', ...(routineId ? { routineId } : {}) } }, outcome: { kind: 'screening', routineId } };
      }
      // Stop pacing now; the place is kept so that lighter pressure or skipping can pick it up. Pain again on a
      // point already at light pressure offers only skip or stop.
      const stillHurts = isLightStep(state, at.stepIndex);
      return { state: stopForPain(state, now, at), outcome: { kind: 'pain', ...(afterPain ? { again: true } : {}), ...(stillHurts ? { stillHurts } : {}) } };
    }
    case 'tingling':
      if (!now || !at) return { state: withoutPending(state), outcome: { kind: 'tingling', inRoutine: false } };
      return { state: stopForPain(state, now, at), outcome: { kind: 'tingling', inRoutine: true } };
    case 'pregnant': {
      const chosen: SkillState = { ...withoutPending(state), leaveOut: true };
      if (!now || !at) {
        // Before a routine: for this session, and whether to keep it is asked (mid-routine it is for the session only).
        if (state.keepChoice) return { state: chosen, outcome: { kind: 'choiceSaved', leaveOut: true, inRoutine: false } };
        return { state: { ...chosen, pending: { question: 'remember' } }, outcome: { kind: 'askRemember', told: true } };
      }
      // After pain, the choice is kept and nothing is pressed: the pain choices stay open.
      if (afterPain) return { state: { ...stopForPain(chosen, now, at) }, outcome: { kind: 'choiceSaved', leaveOut: true, inRoutine: true } };
      // The steps of the plan under way from here (a point on its own is a one-step plan: only that step can be left out).
      const skipped = now.plan.steps.filter((s) => s.index >= at.stepIndex && isPregnancyCaution(s.step)).map((s) => s.index);
      const entry = resumeEntry(planFor(chosen, now.progress.routineId), at);
      // Said on the routine's last point, which is left out: the routine is over, and the choice is still said.
      if (!entry) return { state: withoutProgress(chosen), outcome: { kind: 'choiceSaved', leaveOut: true, inRoutine: false } };
      return segment(chosen, now.progress.routineId, entry, 'skippedForChoice', { aside: { kind: 'leaveOut', skipped } });
    }
    case 'notPregnant': {
      const chosen: SkillState = { ...withoutPending(state), leaveOut: false };
      if (!now || !at) return { state: chosen, outcome: { kind: 'choiceSaved', leaveOut: false, inRoutine: false } };
      return { state: afterPain ? stopForPain(chosen, now, at) : holdAt(chosen, now.progress, at, true), outcome: { kind: 'choiceSaved', leaveOut: false, inRoutine: true } };
    }
    case 'forgetChoice': {
      const { leaveOut: _forget, keepChoice: _unkeep, ...rest } = withoutPending(state);
      if (!now || !at) return { state: rest, outcome: { kind: 'choiceForgotten', inRoutine: false } };
      return { state: afterPain ? stopForPain(rest, now, at) : holdAt(rest, now.progress, at, true), outcome: { kind: 'choiceForgotten', inRoutine: true } };
    }
  }
}

/**
 * The user's choice after pain: skip (or "next"), lighter, or resume ("carry on"), which presses again at
 * light pressure and says so. Lighter on a point already at light pressure offers skip or stop only.
 */
export function painChoice(state: SkillState, now: Now, at: Position, choice: 'skip' | 'next' | 'lighter' | 'resume'): Transition {
  if (choice === 'skip' || choice === 'next') return skipFrom(withoutPending(state), now, at);
  const light = isLightStep(state, at.stepIndex);
  if (choice === 'lighter' && light) return { state, outcome: { kind: 'pain', again: true, stillHurts: true } };
  const entry = resumeEntry(now.plan, at);
  // Near a hold's end the routine carries on at the next hold, which may be the next point: the light pressure the
  // user chose goes with them, so "light pressure only for this point" is true of the point they press next.
  const gentle = lightened(lightened(withoutPending(state), at.stepIndex), entry?.stepIndex ?? at.stepIndex);
  return segment(gentle, now.progress.routineId, entry, choice === 'lighter' ? 'lighter' : 'gentle');
}

/**
 * A light session's routine under way goes on at light pressure even past the session (on a speaker the session ends
 * while a stream plays, and the next step is queued without one): every step of it is light in its progress, as after
 * pain, and that ends with the routine. A pressing choice for this routine, not a health status.
 */
export function lightRoutine(state: SkillState): SkillState {
  const p = state.progress;
  if (!state.lightAll || !p) return state;
  return { ...state, progress: { ...p, light: getRoutine(p.routineId).steps.map((_, i) => i) } };
}

/** Conditions that make every step light for the rest of the session (points-reference §3: keep pressure gentle). */
const LIGHTENS: ReadonlySet<HealthCondition> = new Set(['diabetes', 'neuropathy', 'bloodThinners']);

/**
 * A health disclosure: a short answer, and the user stays where they were (the reducer keeps the place,
 * and after pain the pain choices stay open). Diabetes, neuropathy and blood thinners set light pressure for
 * the session (`lightAll`, never stored); nothing else changes, and no health status is kept.
 */
export function health(state: SkillState, condition: HealthCondition, inRoutine: boolean): Transition {
  const lightens = LIGHTENS.has(condition);
  const next: SkillState = lightens ? { ...state, lightAll: true } : state;
  return {
    state: next,
    outcome: {
      kind: 'health', condition, inRoutine, lightened: lightens && state.lightAll !== true,
      ...(condition === 'pregnancySafety' ? { leftOut: state.leaveOut === true } : {}),
    },
  };
}
