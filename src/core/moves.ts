/**
 * Moving through a routine: next, a screen's "heard to the end", skip, back, again, repeat, resume, pause,
 * lighter, and the questions answered on the way ("where is it?", "how much longer?", "what's next?").
 */
import type { RoutineEvent } from './events.js';
import type { Aside, Transition } from './outcomes.js';
import { followingStep, introAt } from './pacing.js';
import { plannedStep, remainingHoldMs, type RoutinePlan } from './plan.js';
import { continueEntry, lastCueEntry, resumeEntry, sideAt } from './position.js';
import { holdAt, segment, withoutPending, type Now } from './reduce-kit.js';
import type { Position, SkillState } from './state.js';

type Move = Extract<RoutineEvent, { type: 'next' | 'segmentDone' | 'skip' | 'previous' | 'otherFoot' | 'redo' | 'startOver' | 'repeat' | 'resume' | 'pause' | 'lighter' | 'currentPoint' | 'howLong' | 'whatsNext' }>;

/** Rough time to introduce a step and find its point, for spoken estimates only (never for pacing), in ms. */
const STEP_SETUP_ALLOWANCE_MS = 30_000;

/** Time left in the routine from a place, in ms: holds from the plan, plus the time to introduce each step still to come. */
function remainingMs(plan: RoutinePlan, at: Position): number {
  return remainingHoldMs(plan, at.stepIndex, at.atMs) + plan.steps.filter((s) => s.index > at.stepIndex).length * STEP_SETUP_ALLOWANCE_MS;
}

/** The state with this step at light pressure from now on (the choice holds for the point). */
export function lightened(state: SkillState, stepIndex: number): SkillState {
  const p = state.progress;
  if (!p) return state;
  return { ...state, progress: { ...p, light: [...new Set([...(p.light ?? []), stepIndex])] } };
}

/** On to the step after the current one (the routine's end after the last). */
export function skipFrom(state: SkillState, now: Now, at: Position): Transition {
  const after = followingStep(now.plan, at.stepIndex);
  return segment(state, now.progress.routineId, after ? introAt(after.index) : undefined, 'skip');
}

/**
 * A move with a routine under way. `state` is the state as the request found it; `at` the settled place.
 * @example move(state, now, at, { type: 'skip' }).outcome // { kind: 'segment', note: 'skip', … }
 */
export function move(state: SkillState, now: Now, at: Position, event: Move): Transition {
  const routineId = now.progress.routineId;
  const held = !state.progress?.played || state.progress.paused;
  switch (event.type) {
    case 'segmentDone':
      // Heard to its end: carry on with the first cue not yet spoken.
      return segment(state, routineId, continueEntry(now.plan, at, now.heardUpToMs), 'continue');
    case 'next':
      if (held) return segment(state, routineId, resumeEntry(now.plan, at), 'resume');
      if (now.interrupted) return skipFrom(state, now, at);
      return segment(state, routineId, continueEntry(now.plan, at, now.heardUpToMs), 'continue');
    case 'skip':
      return skipFrom(state, now, at);
    case 'previous': {
      const earlier = now.plan.steps.filter((s) => s.index < at.stepIndex).pop();
      return segment(state, routineId, introAt(earlier?.index ?? at.stepIndex), earlier ? 'back' : 'atFirstStep');
    }
    case 'startOver': {
      const first = now.plan.steps[0];
      return segment(state, routineId, first ? introAt(first.index) : undefined, 'startOver');
    }
    case 'otherFoot':
    case 'redo': {
      const step = plannedStep(now.plan, at.stepIndex) ?? followingStep(now.plan, at.stepIndex);
      return segment(state, routineId, step ? introAt(step.index) : undefined, event.type);
    }
    case 'repeat': {
      // Mid-hold, the last cue again and on from there; before a step's first press, its introduction again.
      const again = lastCueEntry(now.plan, at);
      if (again) return segment(state, routineId, again.entry, 'repeatCue', { lastCue: again.cueIndex });
      const entry = resumeEntry(now.plan, at);
      return segment(state, routineId, entry ? { ...entry, words: 'intro' } : undefined, 'repeat');
    }
    case 'resume':
      return segment(state, routineId, resumeEntry(now.plan, at), 'resume');
    case 'lighter':
      return segment(lightened(state, at.stepIndex), routineId, resumeEntry(now.plan, at), 'lighter');
    case 'pause':
      return { state: holdAt(withoutPending(state), now.progress, at, true), outcome: { kind: 'paused', already: Boolean(state.progress?.paused) } };
    case 'currentPoint': {
      const entry = resumeEntry(now.plan, at);
      if (!entry) return { state, outcome: { kind: 'noCurrentPoint' } };
      return segment(state, routineId, entry, 'resume', { aside: { kind: 'currentPoint', stepIndex: entry.stepIndex, ask: event.ask, side: sideAt(now.plan, entry, state.oneFoot) } });
    }
    case 'howLong':
    case 'whatsNext': {
      const aside: Aside = event.type === 'howLong'
        ? { kind: 'howLong', remainingMs: remainingMs(now.plan, at), steps: now.plan.steps.filter((s) => s.index > at.stepIndex || (s.index === at.stepIndex && (s.untimed || at.atMs < s.durationMs))).length }
        : { kind: 'whatsNext', stepIndex: followingStep(now.plan, at.stepIndex)?.index };
      return segment(state, routineId, resumeEntry(now.plan, at), 'resume', { aside });
    }
  }
}
