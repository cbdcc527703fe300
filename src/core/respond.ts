/**
 * One request through the core: the reducer decides, the turn builder speaks, and what was played is
 * recorded in the state so that the next request's timestamp can place the user in plan time.
 */
import type { Segment } from './pacing.js';
import { next, type Outcome, type RoutineEvent } from './routine-state.js';
import type { SkillState } from './state.js';
import { composeSegment, outcomeTurn, playedOf, type Device, type Turn, type Voice } from './turn.js';

export interface Response {
  readonly state: SkillState;
  readonly turn: Turn;
  readonly outcome: Outcome;
  /** The timed plan of this response, when it paces a routine: what screens and audio renderers read. */
  readonly segment?: Segment;
}

/**
 * @param nowMs the request's `request.timestamp`, in epoch ms (NaN when unknown)
 * @example respond(voice, INITIAL_STATE, { type: 'start', routineId: 'lowBack' }, Date.parse(ts), { screen: false })
 */
export function respond(voice: Voice, state: SkillState, event: RoutineEvent, nowMs: number, device: Device): Response {
  const { state: after, outcome } = next(state, event, nowMs);
  if (outcome.kind !== 'segment' || !after.progress) return { state: after, turn: outcomeTurn(voice, outcome as Exclude<Outcome, { kind: 'segment' }>, after), outcome };
  const { turn, segment } = composeSegment(voice, after, outcome, device);
  const sentAt = Number.isFinite(nowMs) ? nowMs : 0;
  return { state: { ...after, progress: { ...after.progress, played: playedOf(segment, sentAt) } }, turn, outcome, segment };
}
