/**
 * The device's AudioPlayer reports, reduced: where a step stream has got to, the next step queued behind the one
 * playing, the routine's end, and the fallback to speech when a stream fails. These requests come without a
 * session and may never be answered aloud, so every outcome here is `playback` (no words).
 */
import type { RoutineEvent } from './events.js';
import type { Transition } from './outcomes.js';
import { followingStep } from './pacing.js';
import { planFor } from './plan.js';
import { holdAt, withoutProgress } from './reduce-kit.js';
import type { SkillState } from './state.js';

type Playback = Extract<RoutineEvent, { type: 'playback' }>;

const quiet = (state: SkillState): Transition => ({ state, outcome: { kind: 'playback' } });

/**
 * One AudioPlayer report. A stream's token carries the id (`seq`) of the response that sent it; the state keeps the
 * id of the last stream sent and whether it is queued behind the one before it. A report about any other stream
 * (one replaced by "next", "back" or "resume", whose PlaybackStopped comes after the new Play) moves nothing.
 * Sources: https://developer.amazon.com/en-US/docs/alexa/custom-skills/audioplayer-interface-reference.html (PlaybackStopped is
 * sent when a voice request or a directive stops the stream).
 * @example playback(state, { type: 'playback', what: 'nearlyFinished', stream, offsetMs }).outcome // { kind: 'playback', enqueue: { … the next step } }
 */
export function playback(state: SkillState, event: Playback): Transition {
  const progress = state.progress;
  const { stream } = event;
  const at = event.at ?? { stepIndex: stream.stepIndex, atMs: 0 };
  if (event.what === 'failed') {
    // The device cannot play our streams: speech from now on, on this account (the preference is persisted).
    const prefs = { ...state.prefs, audio: false };
    if (!progress?.stream || progress.routineId !== stream.routineId) return quiet({ ...state, prefs });
    return quiet({ ...holdAt(state, progress, at, true), prefs });
  }
  if (!progress?.stream || progress.played || progress.routineId !== stream.routineId) return quiet(state);
  const seq = progress.seq ?? 0;
  const current = stream.seq === seq;
  // The device plays our current stream again by itself: after an answer with no AudioPlayer directive (loop,
  // shuffle), it resumes what it stopped to listen. It plays, so the routine does too, unless a question waits.
  if (event.what === 'started' && current && !state.pending) return quiet({ ...state, progress: { ...progress, at, paused: false, stream: 'playing' } });
  // Any other report only for a stream of the routine that plays now, while it plays (our pause, pain or a question stopped it).
  if (progress.paused) return quiet(state);
  /** The stream still playing while the next one waits behind it. */
  const playingBeforeQueued = progress.stream === 'queued' && stream.seq === seq - 1;
  const plan = planFor(state, progress.routineId);
  const after = followingStep(plan, stream.stepIndex);
  switch (event.what) {
    case 'started':
      return quiet(state);
    case 'nearlyFinished': {
      // Queue the next step behind this one, once (a second report for the same stream finds the id moved on).
      if (!current || progress.stream === 'queued' || !after || state.prefs.waitBetweenSteps) return quiet(state);
      const next = seq + 1;
      return {
        state: { ...state, progress: { ...progress, seq: next, stream: 'queued' } },
        outcome: { kind: 'playback', enqueue: { kind: 'play', behavior: 'ENQUEUE', routineId: progress.routineId, stepIndex: after.index, offsetMs: 0, seq: next, previous: { stepIndex: stream.stepIndex, seq: stream.seq } } },
      };
    }
    case 'finished':
      if (playingBeforeQueued && after) return quiet({ ...state, progress: { ...progress, at: { stepIndex: after.index, atMs: 0 } } });
      if (!current || progress.stream === 'queued') return quiet(state);
      // Nothing queued behind it: the routine's end, or (waiting between steps) the next step, held.
      if (!after) return quiet(withoutProgress(state));
      return quiet(holdAt(state, progress, { stepIndex: after.index, atMs: 0 }, true));
    case 'stopped':
      // Alexa stops the stream whenever the user speaks, and the request that follows decides (a pause stops it for
      // good, a question plays on, an answer without a directive lets the device resume): keep the place, not a pause.
      if (!current && !playingBeforeQueued) return quiet(state);
      return quiet({ ...state, progress: { ...progress, at } });
  }
}
