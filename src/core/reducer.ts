/**
 * The routine state machine: a pure reducer `next(state, event, nowMs)`.
 * Each request first settles where the user is in plan time (from what the last response played and the
 * request's timestamp, or a screen's word that it was heard to the end), then asks the mode whether it takes
 * the event (src/core/modes.ts), then decides. Questions live in questions.ts, moves in moves.ts, what people
 * say about their bodies in safety.ts.
 */
import type { RoutineEvent } from './events.js';
import { modeOf, takes, type Mode } from './modes.js';
import { move } from './moves.js';
import type { Transition } from './outcomes.js';
import { answer, askAgain, start } from './questions.js';
import { current, holdAt, withoutPending, withoutProgress, type Now } from './reduce-kit.js';
import { playback } from './playback.js';
import { plannedStep } from './plan.js';
import { sideAt } from './position.js';
import { feet, fixedLengthSteps, practise, relativeLength } from './practise.js';
import { health, lightRoutine, painChoice, safety } from './safety.js';
import { type LastAnswer, type Position, type SkillState } from './state.js';
import { countSession, dayOf, historyEntries, streakOn } from './stats.js';
import { DEFAULT_PREFERENCES } from './timeline.js';

export type { RoutineEvent, Answer } from './events.js';
export type { Aside, Outcome, SegmentNote, Transition, Effects } from './outcomes.js';

/**
 * A screen event for the last paced response sent: the one event that may carry pacing on by itself. Whether
 * that response is still what plays (no pause, pain, question or stop since) is the mode's to say: only
 * `playing` takes a segmentDone (src/core/modes.ts).
 */
const isCurrentScreenEvent = (state: SkillState, event: RoutineEvent): boolean =>
  event.type === 'segmentDone' && state.progress !== undefined && event.seq === (state.progress.seq ?? 0);

/** The answer of a mode to an event it does not take. */
function refuse(state: SkillState, mode: Mode, event: RoutineEvent): Transition {
  if (event.type === 'segmentDone') return { state, outcome: { kind: 'ignored', why: 'stale' } };
  if (state.pending) return askAgain(state, state.pending);
  return { state, outcome: { kind: 'fallback', where: mode.kind === 'idle' ? 'idle' : 'paused' } };
}

/**
 * Applies one event.
 * @param nowMs the request's `request.timestamp` in epoch ms (NaN when unknown)
 * @example next(INITIAL_STATE, { type: 'start', routineId: 'lowBack' }, 0).outcome.kind // 'segment'
 */
export function next(state: SkillState, event: RoutineEvent, nowMs: number): Transition {
  return tally(decide(state, event, nowMs), nowMs);
}

/**
 * A session that plays a routine (begun, resumed, or moved into from a kept place) counts it once, on the request's
 * day: the count, the last date and the run of days (src/core/stats.ts). `counted` keeps it once per session.
 * A point practised on its own is not its routine done: it is not counted.
 */
function tally(t: Transition, nowMs: number): Transition {
  if (t.outcome.kind !== 'segment' || t.state.progress?.point) return t;
  const routineId = t.outcome.routineId;
  const day = dayOf(nowMs);
  if (!day || t.state.counted?.includes(routineId)) return t;
  return { ...t, state: { ...t.state, stats: countSession(t.state.stats, routineId, day), counted: [...(t.state.counted ?? []), routineId] } };
}

function decide(state: SkillState, event: RoutineEvent, nowMs: number): Transition {
  if (event.type === 'deviceReport') return { state, outcome: { kind: 'ignored', why: 'report' } };
  // AudioPlayer reports place a stream by the device's token and offset, never by the clock.
  if (event.type === 'playback') return playback(state, event);
  // A screen event for any response but the last one sent (or one sent before a pause, pain or stop) paces nothing.
  if (event.type === 'segmentDone' && !isCurrentScreenEvent(state, event)) return { state, outcome: { kind: 'ignored', why: 'stale' } };
  const now = current(state, nowMs, event.type === 'segmentDone');
  // A routine heard to its end is over, whatever comes next.
  if (now && now.at === 'done' && event.type !== 'sessionEnded') return next(withoutProgress(state), event, nowMs);
  const mode = modeOf(state);
  // "Resume" to "shall I pick up where you left off?" is a yes.
  if (mode.kind === 'asking' && mode.question === 'resume' && event.type === 'resume') return reduce(state, { type: 'answer', answer: 'yes' }, nowMs, now, mode);
  if (!takes(mode, event.type)) return refuse(state, mode, event);
  return reduce(state, event, nowMs, now, mode);
}

/** The events `decide` hands on: a device report and an AudioPlayer report are answered before any mode is asked. */
type Reduced = Exclude<RoutineEvent, { type: 'deviceReport' | 'playback' }>;

function reduce(state: SkillState, event: Reduced, nowMs: number, now: Now | undefined, mode: Mode): Transition {
  const at: Position | undefined = now && now.at !== 'done' ? now.at : undefined;
  const running = now && at ? now : undefined;
  const afterPain = mode.kind === 'afterPain';
  const inRoutine = Boolean(at);
  /** A detour keeps the place and waits there; after pain, the pain choices stay open. */
  const keep = (s: SkillState): SkillState => {
    if (!running || !at) return s;
    const held = holdAt(s, running.progress, at, true);
    return afterPain ? { ...held, pending: { question: 'pain' } } : held;
  };
  const remember = (s: SkillState, last: LastAnswer): SkillState => ({ ...s, last });
  const where = () => (state.progress ? (state.progress.paused || afterPain ? 'paused' : 'routine') : 'idle') as 'idle' | 'routine' | 'paused';

  switch (event.type) {
    case 'launch': {
      const base = withoutPending(state);
      if (running && at) {
        const point = running.progress.point;
        return { state: { ...holdAt(base, running.progress, at, true), pending: { question: 'resume' } }, outcome: { kind: 'offerResume', routineId: running.progress.routineId, stepIndex: at.stepIndex, ...(point ? { pointId: point } : {}) } };
      }
      return { state: { ...base, disclaimed: true }, outcome: { kind: 'welcome', returning: Boolean(state.disclaimed), disclaimer: !state.disclaimed, storeDown: event.storeDown === true } };
    }
    case 'start': return start(state, event.routineId);
    case 'listRoutines': return { state: keep(withoutPending(state)), outcome: { kind: 'routineList', unknown: event.unknown === true } };
    case 'massages': return { state: { ...keep(withoutPending(state)), pending: { question: 'whichMassage' } }, outcome: { kind: 'massages' } };
    case 'answer':
      return answer(state, event.answer, (s, p) => reduce(s, p.ask === 'practise' ? { type: 'practise', pointId: p.pointId ?? 'KI6' }
        : { type: 'point', pointId: p.pointId ?? 'KI6', ask: p.ask ?? 'where' }, nowMs, now, modeOf(s)));
    case 'next': case 'skip': case 'resume': case 'lighter':
      if (!running || !at) return state.pending ? askAgain(state, state.pending) : { state: withoutPending(state), outcome: { kind: 'noRoutine' } };
      if (afterPain) return painChoice(state, running, at, event.type);
      // "Next" to a step stream, playing or paused, is the next step, as for music (AMAZON.NextIntent, a Next button).
      if (event.type === 'next' && (mode.kind === 'streaming' || (mode.kind === 'paused' && state.progress?.stream))) return move(state, running, at, { type: 'skip' });
      return move(state, running, at, event);
    case 'currentPoint': {
      if (!running || !at) {
        // "What does it help with?" right after a point was named: that point.
        if (event.ask === 'helps' && state.last?.kind === 'point') return reduce(state, { type: 'point', pointId: state.last.pointId, ask: 'helps' }, nowMs, now, mode);
        return { state, outcome: { kind: 'noCurrentPoint' } };
      }
      // After pain, about the point without pressing again: the pain choices stay open.
      if (afterPain) {
        const pointId = plannedStep(running.plan, at.stepIndex)?.step.points[0];
        const side = event.ask === 'foot' ? { side: sideAt(running.plan, at, state.oneFoot) } : {};
        return { state, outcome: pointId ? { kind: 'point', pointId, ask: event.ask === 'helps' ? 'helps' : 'where', inRoutine: true, ...side } : { kind: 'noCurrentPoint' } };
      }
      return move(state, running, at, event);
    }
    case 'segmentDone': case 'previous': case 'otherFoot': case 'redo': case 'startOver': case 'repeat': case 'pause': case 'howLong': case 'whatsNext':
      if (!running || !at) {
        if (event.type === 'repeat') return repeatLast(state, nowMs, now, mode);
        return { state: withoutPending(state), outcome: { kind: 'noRoutine' } };
      }
      return move(state, running, at, event);
    case 'stop':
      return { state: keep(withoutPending(state)), outcome: { kind: 'goodbye', hasProgress: inRoutine }, ...(inRoutine ? { effects: { confirmSave: true } } : {}) };
    case 'sessionEnded':
      return { state: now && !at ? withoutProgress(withoutPending(state)) : keep(withoutPending(state)), outcome: { kind: 'silent' } };
    case 'point':
      return { state: remember(keep(withoutPending(state)), { kind: 'point', pointId: event.pointId, ask: event.ask }), outcome: { kind: 'point', pointId: event.pointId, ask: event.ask, inRoutine } };
    case 'unknownPoint': {
      const only = event.suggestions.length === 1 ? event.suggestions[0] : undefined;
      const base = keep(withoutPending(state));
      return {
        state: only && !afterPain ? { ...base, pending: { question: 'didYouMean', pointId: only, ask: event.ask } } : base,
        outcome: { kind: 'unknownPoint', suggestions: afterPain ? [] : event.suggestions, missing: event.missing },
      };
    }
    case 'technique': {
      const base = keep(withoutPending(state));
      return { state: event.techniqueId ? remember(base, { kind: 'technique', techniqueId: event.techniqueId }) : base, outcome: { kind: 'technique', techniqueId: event.techniqueId, inRoutine } };
    }
    case 'pain': case 'tingling': case 'symptom': case 'pregnant': case 'notPregnant': case 'forgetChoice':
      if (event.type === 'pregnant' && mode.kind === 'asking' && mode.question === 'pregnancy') return reduce(state, { type: 'answer', answer: 'yes' }, nowMs, now, mode);
      if (event.type === 'notPregnant' && mode.kind === 'asking' && mode.question === 'pregnancy') return reduce(state, { type: 'answer', answer: 'no' }, nowMs, now, mode);
      return safety(state, running, at, event, afterPain);
    case 'health': {
      // A detour like "where is …?": the answer, and the place kept (resume presses again there; after pain, the pain choices stay open).
      // A question asked stays asked: the answer, then the question again (the turn builder says it).
      const told = health(mode.kind === 'asking' ? state : withoutPending(state), event.condition, inRoutine);
      return { ...told, state: lightRoutine(keep(told.state)) };
    }
    case 'setPrefs': case 'holdRelative': {
      // "Shorter" / "longer" is one length down or up: the same change as naming it, or, at the end of the range, a word that it is.
      const holdLength = event.type === 'holdRelative' ? relativeLength(state, event.dir) : undefined;
      if (event.type === 'holdRelative' && !holdLength) return { state: keep(withoutPending(state)), outcome: { kind: 'holdLimit', dir: event.dir, inRoutine } };
      const prefs = event.type === 'setPrefs' ? event.prefs : { holdLength };
      const keeps = prefs.holdLength && running ? fixedLengthSteps(running.plan) : [];
      return { state: keep({ ...withoutPending(state), prefs: { ...state.prefs, ...prefs } }), outcome: { kind: 'prefsChanged', prefs, inRoutine, ...(keeps.length ? { keeps } : {}) } };
    }
    case 'prefsUnknown': return { state, outcome: { kind: 'prefsUnknown' } };
    case 'resetSettings': {
      const { leaveOut: _forget, keepChoice: _unkeep, ...rest } = withoutPending(state);
      return { state: keep({ ...rest, prefs: DEFAULT_PREFERENCES }), outcome: { kind: 'settingsReset', inRoutine } };
    }
    case 'askDelete': return { state: { ...keep(withoutPending(state)), pending: { question: 'deleteData' } }, outcome: { kind: 'confirmDelete' } };
    case 'eraseFailed': return { state: withoutPending(state), outcome: { kind: 'deleteFailed' } };
    case 'help':
      if (state.pending) return askAgain(state, state.pending);
      return { state: keep(state), outcome: { kind: 'help', where: where() } };
    case 'fallback':
      if (state.pending) return askAgain(state, state.pending);
      return { state: keep(state), outcome: { kind: 'fallback', where: where() } };
    case 'unsupported': return { state, outcome: { kind: 'unsupported' } };
    case 'playbackMode': return { state, outcome: { kind: 'playbackMode' } };
    case 'history': {
      // A detour like "where is it?": the answer, and the place kept.
      const today = dayOf(nowMs) ?? state.stats?.run?.to ?? '1970-01-01';
      const under = at ? state.progress?.routineId : undefined;
      const asked = event.routineId ?? under;
      return {
        state: keep(withoutPending(state)),
        outcome: {
          kind: 'history', ...(asked ? { asked } : {}), entries: historyEntries(state.stats, today, asked), streak: streakOn(state.stats, today),
          current: asked !== undefined && asked === under && (state.counted?.includes(asked) ?? false), inRoutine, today,
        },
      };
    }
    case 'practise': return practise(state, event.pointId);
    case 'oneFoot': case 'bothFeet':
      return feet(state, running, at, event.type === 'oneFoot' ? event.foot ?? 'right' : undefined, mode);
  }
}

/** "Repeat" with no routine under way: the last answer again, or help. */
function repeatLast(state: SkillState, nowMs: number, now: Now | undefined, mode: Mode): Transition {
  const last = state.last;
  if (last?.kind === 'point') return reduce(state, { type: 'point', pointId: last.pointId, ask: last.ask }, nowMs, now, mode);
  if (last?.kind === 'technique') return reduce(state, { type: 'technique', techniqueId: last.techniqueId }, nowMs, now, mode);
  return { state, outcome: { kind: 'help', where: 'idle' } };
}
