/**
 * One request through the core: the reducer decides, the turn builder speaks, and what was played is
 * recorded in the state (with the response's id) so that the next request can place the user in plan time.
 * On a device that plays routines as audio, a routine segment becomes a step stream instead (AudioPlayer), and
 * the device's token and offset, not the clock, say where the user is.
 */
import { streamClock, streamOffset, streamPlace, streamWords, type StreamClock } from './audio-plan.js';
import type { RoutineId } from './content/types.js';
import type { RoutineEvent, StreamRef } from './events.js';
import { modeOf } from './modes.js';
import type { Effects, Outcome, PlayerAction } from './outcomes.js';
import { isLightStep, withLightSteps } from './lighter.js';
import type { Segment } from './pacing.js';
import { plannedStep, planRoutine } from './plan.js';
import { next } from './reducer.js';
import type { Position, SkillState } from './state.js';
import type { Preferences } from './timeline.js';
import { outcomeTurn } from './answers.js';
import { composeSegment, playedOf, streamLead, type Device, type Turn, type Voice } from './turn.js';

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
  /** What the device's AudioPlayer does: play (or queue) a step stream, or stop the one playing. */
  readonly player?: PlayerAction;
}

/** The preferences a step stream is rendered with (src/audio/url.ts `prefsOf`): a stream never waits, and is audio. */
const streamPrefs = (prefs: Preferences): Preferences => ({ ...prefs, waitBetweenSteps: false, audio: true });

const CLOCK_MEMO_SIZE = 64;
const clocks = new Map<string, StreamClock>();

/** What a step stream is rendered from: the preferences, the choice to leave points out, and which steps are light. */
export type StreamState = Pick<SkillState, 'prefs' | 'leaveOut' | 'lightAll' | 'progress'>;

/** The clock of one step's stream, for this voice and state: pure, so kept for the next reports of the same stream. */
export function clockOf(voice: Voice, state: StreamState, routineId: RoutineId, stepIndex: number): StreamClock {
  const prefs = streamPrefs(state.prefs);
  // A light step's stream has the gentle cues in place of the firm ones, at the same plan times (src/core/lighter.ts).
  const light = isLightStep(state, stepIndex);
  const returning = state.progress?.returning === true;
  const key = JSON.stringify([voice.locale, voice.ratePercent, prefs, state.leaveOut === true, routineId, stepIndex, light, returning]);
  let clock = clocks.get(key);
  if (!clock) {
    const planned = planRoutine(routineId, prefs, state.leaveOut);
    const plan = light ? withLightSteps(planned, [stepIndex]) : planned;
    clock = streamClock({ plan, stepIndex, words: streamWords(voice, routineId, prefs, state.leaveOut, plan, returning), voice, prefs, chime: voice.chime });
    if (clocks.size >= CLOCK_MEMO_SIZE) clocks.delete(clocks.keys().next().value as string);
    clocks.set(key, clock);
  }
  return clock;
}

/**
 * Plan time of a stream's offset, as a place in the routine. A step left out since its stream was sent ("I'm
 * pregnant" while it played) has no clock any more: the place is that step's start, which the routine moves past.
 */
function placeOfStream(voice: Voice, state: StreamState, stream: StreamRef, offsetMs: number): Position {
  if (!plannedStep(planRoutine(stream.routineId, streamPrefs(state.prefs), state.leaveOut), stream.stepIndex)) return { stepIndex: stream.stepIndex, atMs: 0 };
  return { stepIndex: stream.stepIndex, atMs: streamPlace(clockOf(voice, state, stream.routineId, stream.stepIndex), offsetMs).atMs };
}

/** The stream the device reports is this user's current one (or the one before it, still playing, when the next is queued). */
function isCurrentStream(state: SkillState, stream: StreamRef): boolean {
  const p = state.progress;
  if (!p?.stream || p.routineId !== stream.routineId) return false;
  const seq = p.seq ?? 0;
  return stream.seq === seq || (p.stream === 'queued' && stream.seq === seq - 1);
}

/** The state with the place the device's player reports (its token and offset), when it is this user's stream. */
function placedByPlayer(voice: Voice, state: SkillState, device: Device): SkillState {
  const player = device.player;
  const progress = state.progress;
  if (!player || !progress || !isCurrentStream(state, player.stream)) return state;
  return { ...state, progress: { ...progress, at: placeOfStream(voice, state, player.stream, player.offsetMs) } };
}

/** A routine segment plays as a stream: on a device with streams, by preference, and for steps a stream can carry. */
function streams(device: Device, state: SkillState, outcome: Extract<Outcome, { kind: 'segment' }>): boolean {
  if (!device.audio || !state.prefs.audio) return false;
  // An untimed step (the foot soak) waits for the user. A step at light pressure plays its own stream, with the
  // gentle cues in place of the firm ones (src/audio/url.ts `light`).
  if (planRoutine(outcome.routineId, state.prefs, state.leaveOut).steps.some((s) => s.untimed)) return false;
  // A point practised on its own and one foot only are spoken: a stream is one step of a whole routine, for both feet.
  return !(state.progress?.point || state.oneFoot);
}

/** A segment outcome as a step stream: the lead words, then AudioPlayer.Play from the entry's place. */
function streamed(voice: Voice, state: SkillState, outcome: Extract<Outcome, { kind: 'segment' }>, effects: Effects, device: Device): Response {
  const progress = state.progress as NonNullable<SkillState['progress']>;
  const { entry, routineId } = outcome;
  const clock = clockOf(voice, state, routineId, entry.stepIndex);
  const player = device.player;
  // A question asked during playback carries on from where the device stopped; any other entry from its last cue.
  const fromPlayer = outcome.aside && player && player.stream.routineId === routineId && player.stream.stepIndex === entry.stepIndex;
  const offsetMs = fromPlayer ? Math.max(0, Math.round(player.offsetMs)) : entry.words === 'intro' ? 0 : streamOffset(clock, entry.atMs);
  const seq = (progress.seq ?? 0) + 1;
  const noteAudio = outcome.note === 'begin' && !state.audioNoted;
  const { played: _drop, ...rest } = progress;
  return {
    state: { ...state, ...(noteAudio ? { audioNoted: true } : {}), progress: { ...rest, at: { stepIndex: entry.stepIndex, atMs: streamPlace(clock, offsetMs).atMs }, paused: false, stream: 'playing', seq } },
    turn: { speech: streamLead(voice, state, outcome, noteAudio), end: true },
    outcome, effects, seq,
    player: { kind: 'play', behavior: 'REPLACE_ALL', routineId, stepIndex: entry.stepIndex, offsetMs, seq },
  };
}

/**
 * @param nowMs the request's `request.timestamp`, in epoch ms (NaN when unknown)
 * @example respond(voice, INITIAL_STATE, { type: 'start', routineId: 'lowBack' }, Date.parse(ts), { screen: false })
 */
export function respond(voice: Voice, before: SkillState, rawEvent: RoutineEvent, nowMs: number, device: Device): Response {
  const state = placedByPlayer(voice, before, device);
  const event: RoutineEvent = rawEvent.type === 'playback' && rawEvent.at === undefined
    ? { ...rawEvent, at: placeOfStream(voice, state, rawEvent.stream, rawEvent.offsetMs) } : rawEvent;
  const wasStreaming = modeOf(state).kind === 'streaming';
  const { state: after, outcome, effects = {} } = next(state, event, nowMs);
  if (outcome.kind === 'playback') return { state: after, turn: outcomeTurn(voice, outcome, after), outcome, effects, ...(outcome.enqueue ? { player: outcome.enqueue } : {}) };
  if (outcome.kind === 'segment' && after.progress && streams(device, after, outcome)) return streamed(voice, after, outcome, effects, device);
  // Anything else while a stream plays stops it (its place is kept); loop and shuffle leave it playing, and an ignored
  // event (a stale screen event, a device's report) changes nothing at all.
  const stop: Pick<Response, 'player'> = wasStreaming && outcome.kind !== 'playbackMode' && outcome.kind !== 'ignored' ? { player: { kind: 'stop' } } : {};
  if (outcome.kind !== 'segment' || !after.progress) {
    // "Pause" while a stream plays is the music's pause: it stops, without a word.
    const turn = stop.player && outcome.kind === 'paused' ? { speech: [], end: true } : outcomeTurn(voice, outcome as Exclude<Outcome, { kind: 'segment' }>, after);
    return { state: after, turn, outcome, effects, ...stop };
  }
  const { turn, segment } = composeSegment(voice, after, outcome, { screen: device.screen });
  const progress = withoutStream(after.progress);
  const seq = (progress.seq ?? 0) + 1;
  if (segment.ending === 'untimed' && segment.next) {
    // An untimed step (the foot soak) closes the session on purpose once said: the place is the step after it.
    return { state: { ...after, progress: { ...progress, at: segment.next, paused: true, seq } }, turn, outcome, effects, segment, seq, ...stop };
  }
  const sentAt = Number.isFinite(nowMs) ? nowMs : 0;
  return { state: { ...after, progress: { ...progress, seq, played: playedOf(segment, sentAt) } }, turn, outcome, effects, segment, seq, ...stop };
}

const withoutStream = <P extends { stream?: unknown }>(progress: P): P => {
  const { stream: _drop, ...rest } = progress;
  return rest as P;
};

/** The goodbye once the edge knows whether the save before it worked: "your place is kept" only when it is. */
export function withSaveResult(voice: Voice, response: Response, kept: boolean): Response {
  if (response.outcome.kind !== 'goodbye') return response;
  const outcome: Outcome = { ...response.outcome, kept };
  return { ...response, outcome, turn: outcomeTurn(voice, outcome, response.state) };
}
