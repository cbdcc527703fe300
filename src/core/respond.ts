/**
 * One request through the core: the reducer decides, the turn builder speaks, and what was played is
 * recorded in the state (with the response's id) so that the next request can place the user in plan time.
 */
import type { RoutineEvent } from './events.js';
import type { Effects, Outcome } from './outcomes.js';
import type { Segment } from './pacing.js';
import { next } from './reducer.js';
import type { SkillState } from './state.js';
import { composeSegment, outcomeTurn, playedOf, type Device, type Turn, type Voice } from './turn.js';

export interface Response {
  readonly state: SkillState;
  readonly turn: Turn;
  readonly outcome: Outcome;
  /** Side effects for the edge to carry out (erase, save before the goodbye). */
  readonly effects: Effects;
  /** The timed plan of this response, when it paces a routine: what screens and audio renderers read. */
  readonly segment?: Segment;
  /** The response's id, when it paces a routine: a screen's `segmentDone` sends it back. */
  readonly seq?: number;
}

/**
 * @param nowMs the request's `request.timestamp`, in epoch ms (NaN when unknown)
 * @example respond(voice, INITIAL_STATE, { type: 'start', routineId: 'lowBack' }, Date.parse(ts), { screen: false })
 */
export function respond(voice: Voice, state: SkillState, event: RoutineEvent, nowMs: number, device: Device): Response {
  const { state: after, outcome, effects = {} } = next(state, event, nowMs);
  if (outcome.kind !== 'segment' || !after.progress) return { state: after, turn: outcomeTurn(voice, outcome as Exclude<Outcome, { kind: 'segment' }>, after), outcome, effects };
  const { turn, segment } = composeSegment(voice, after, outcome, device);
  const progress = after.progress;
  const seq = (progress.seq ?? 0) + 1;
  if (segment.ending === 'untimed' && segment.next) {
    // An untimed step (the foot soak) closes the session on purpose once said: the place is the step after it.
    return { state: { ...after, progress: { ...progress, at: segment.next, paused: true, seq } }, turn, outcome, effects, segment, seq };
  }
  const sentAt = Number.isFinite(nowMs) ? nowMs : 0;
  return { state: { ...after, progress: { ...progress, seq, played: playedOf(segment, sentAt) } }, turn, outcome, effects, segment, seq };
}

/** The goodbye once the edge knows whether the save before it worked: "your place is kept" only when it is. */
export function withSaveResult(voice: Voice, response: Response, kept: boolean): Response {
  if (response.outcome.kind !== 'goodbye') return response;
  const outcome: Outcome = { ...response.outcome, kept };
  return { ...response, outcome, turn: outcomeTurn(voice, outcome, response.state) };
}
