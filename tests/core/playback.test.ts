/**
 * AudioPlayer reports in the pure core (src/core/playback.ts): what each does to the place, by the stream's id.
 */
import { describe, expect, it } from 'vitest';
import type { RoutineEvent, StreamRef } from '../../src/core/events.js';
import { modeOf } from '../../src/core/modes.js';
import { planRoutine } from '../../src/core/plan.js';
import { next } from '../../src/core/reducer.js';
import { INITIAL_STATE, type SkillState } from '../../src/core/state.js';
import { DEFAULT_PREFERENCES } from '../../src/core/timeline.js';

const STEPS = planRoutine('ankle', DEFAULT_PREFERENCES, false).steps.map((s) => s.index);
const streaming = (stepIndex: number, seq: number, stream: 'playing' | 'queued' = 'playing'): SkillState => ({
  ...INITIAL_STATE, leaveOut: false, progress: { routineId: 'ankle', at: { stepIndex, atMs: 0 }, paused: false, seq, stream },
});
const report = (what: Extract<RoutineEvent, { type: 'playback' }>['what'], stream: StreamRef, atMs = 0): RoutineEvent =>
  ({ type: 'playback', what, stream, offsetMs: atMs, at: { stepIndex: stream.stepIndex, atMs } });
const ref = (stepIndex: number, seq: number): StreamRef => ({ routineId: 'ankle', stepIndex, seq });

describe('playback reports', () => {
  it('keeps a stream the user talks over in the streaming mode, at the place it stopped', () => {
    const s = streaming(STEPS[0] as number, 3);
    expect(modeOf(s).kind).toBe('streaming');
    // Alexa stops the stream for any voice request; the request decides whether it is a pause.
    const stopped = next(s, report('stopped', ref(STEPS[0] as number, 3), 40_000), 0).state;
    expect(modeOf(stopped).kind).toBe('streaming');
    expect(stopped.progress?.at).toEqual({ stepIndex: STEPS[0], atMs: 40_000 });
  });

  it('plays on when the device resumes the current stream by itself, unless a question waits', () => {
    const held: SkillState = { ...streaming(STEPS[0] as number, 3), progress: { ...(streaming(STEPS[0] as number, 3).progress as NonNullable<SkillState['progress']>), paused: true } };
    expect(modeOf(next(held, report('started', ref(STEPS[0] as number, 3), 41_000), 0).state).kind).toBe('streaming');
    const asking: SkillState = { ...held, pending: { question: 'pain' } };
    expect(next(asking, report('started', ref(STEPS[0] as number, 3), 41_000), 0).state).toEqual(asking);
  });

  it('queues the next step once, however many times the device says the stream nearly finished', () => {
    const s = streaming(STEPS[0] as number, 3);
    const first = next(s, report('nearlyFinished', ref(STEPS[0] as number, 3)), 0);
    expect(first.outcome).toMatchObject({ kind: 'playback', enqueue: { behavior: 'ENQUEUE', stepIndex: STEPS[1], seq: 4, previous: { stepIndex: STEPS[0], seq: 3 } } });
    expect(first.state.progress).toMatchObject({ seq: 4, stream: 'queued' });
    expect(next(first.state, report('nearlyFinished', ref(STEPS[0] as number, 3)), 0).outcome).toEqual({ kind: 'playback' });
  });

  it('moves to the queued step when the stream before it finishes, and ends the routine after the last', () => {
    const queued = streaming(STEPS[0] as number, 4, 'queued');
    expect(next(queued, report('finished', ref(STEPS[0] as number, 3)), 0).state.progress?.at).toEqual({ stepIndex: STEPS[1], atMs: 0 });
    const last = STEPS.at(-1) as number;
    expect(next(streaming(last, 9), report('finished', ref(last, 9)), 0).state.progress).toBeUndefined();
  });

  it('ignores reports about another stream, another routine, or a paused one', () => {
    const s = streaming(STEPS[1] as number, 5);
    for (const event of [report('stopped', ref(STEPS[0] as number, 4), 10_000), report('started', ref(STEPS[1] as number, 2)), report('started', ref(STEPS[1] as number, 4)), { ...report('started', ref(STEPS[1] as number, 5)), stream: { routineId: 'heel', stepIndex: 0, seq: 5 } } as RoutineEvent]) {
      expect(next(s, event, 0).state).toEqual(s);
    }
    const paused: SkillState = { ...s, progress: { ...(s.progress as NonNullable<SkillState['progress']>), paused: true } };
    expect(next(paused, report('nearlyFinished', ref(STEPS[1] as number, 5)), 0)).toEqual({ state: paused, outcome: { kind: 'playback' } });
  });

  it('turns the audio preference off when a stream fails, in any mode, keeping the place', () => {
    const failed = next(streaming(STEPS[1] as number, 5), report('failed', ref(STEPS[1] as number, 5), 12_000), 0).state;
    expect(failed.prefs.audio).toBe(false);
    expect(failed.progress).toMatchObject({ at: { stepIndex: STEPS[1], atMs: 12_000 }, paused: true });
    expect(next(INITIAL_STATE, report('failed', ref(0, 1)), 0).state.prefs.audio).toBe(false);
  });
});
