import { describe, expect, it } from 'vitest';
import { RECOGNITION_ALLOWANCE_MS, LISTEN_WINDOW_MS } from '../../src/core/limits.js';
import { planRoutine } from '../../src/core/plan.js';
import { continueEntry, resumeEntry, RESUME_MIN_LEFT_MS, settle } from '../../src/core/position.js';
import type { Played } from '../../src/core/state.js';
import { DEFAULT_PREFERENCES } from '../../src/core/timeline.js';

const ankle = planRoutine('ankle', DEFAULT_PREFERENCES, false);
/** A response that introduced BL60 for 30 s, then held it from real 35 s, ending at a release 120 s in. */
const played: Played = {
  sentAtMs: 1_000_000, lengthMs: 130_000, runsOn: false, next: { stepIndex: 2, atMs: 123_000 },
  marks: [[0, 2, 0, 0], [35_000, 2, 0, 1], [130_000, 2, 123_000, 0]],
};

describe('settle', () => {
  it('places an interruption in plan time, less the recognition allowance', () => {
    expect(settle(played, played.sentAtMs + 100_000)).toEqual({ at: { stepIndex: 2, atMs: 100_000 - 35_000 - RECOGNITION_ALLOWANCE_MS }, interrupted: true });
  });

  it('keeps an interruption during an introduction at the start of the step', () => {
    expect(settle(played, played.sentAtMs + 20_000)).toEqual({ at: { stepIndex: 2, atMs: 0 }, interrupted: true });
  });

  it('after a response heard to the end, continues where it said; a plan that runs on counts the gap, up to the listening window', () => {
    expect(settle(played, played.sentAtMs + 200_000)).toEqual({ at: { stepIndex: 2, atMs: 123_000 }, interrupted: false });
    const running: Played = { ...played, runsOn: true };
    expect(settle(running, running.sentAtMs + running.lengthMs + 3_000).at).toEqual({ stepIndex: 2, atMs: 126_000 });
    expect(settle(running, running.sentAtMs + running.lengthMs + 999_000).at).toEqual({ stepIndex: 2, atMs: 123_000 + LISTEN_WINDOW_MS });
  });

  it('says the routine is done when it ended in a response that was heard to the end, and treats an unknown clock as heard', () => {
    const last: Played = { sentAtMs: 0, lengthMs: 1000, runsOn: false, marks: [[0, 3, 0, 1]] };
    expect(settle(last, 5_000).at).toBe('done');
    expect(settle(played, Number.NaN).interrupted).toBe(false);
  });
});

describe('resumeEntry', () => {
  it('presses again inside a hold with time left, and carries on with the next cue after that place', () => {
    const entry = resumeEntry(ankle, { stepIndex: 2, atMs: 100_000 });
    expect(entry).toMatchObject({ stepIndex: 2, atMs: 100_000, words: 'reminder', repress: true });
    expect(ankle.steps[2]!.cues[entry!.firstCue]!.atMs).toBeGreaterThan(100_000);
  });

  it('moves to the next press when the place is in a rest or close to the end of a hold', () => {
    expect(resumeEntry(ankle, { stepIndex: 2, atMs: 31_000 })).toMatchObject({ atMs: 33_000, words: 'reminder', repress: false });
    expect(resumeEntry(ankle, { stepIndex: 2, atMs: 60_000 - RESUME_MIN_LEFT_MS + 1 })).toMatchObject({ atMs: 63_000, repress: false });
  });

  it('starts a step from its introduction at 0, and the next step after the end', () => {
    expect(resumeEntry(ankle, { stepIndex: 1, atMs: 0 })).toMatchObject({ stepIndex: 1, words: 'intro' });
    expect(resumeEntry(ankle, { stepIndex: 2, atMs: 300_000 })).toMatchObject({ stepIndex: 3, atMs: 0, words: 'intro' });
    expect(resumeEntry(ankle, { stepIndex: 3, atMs: 10_000_000 })).toBeUndefined();
  });

  it('skips a step that the leave-out choice removed', () => {
    const without = planRoutine('ankle', DEFAULT_PREFERENCES, true);
    expect(resumeEntry(without, { stepIndex: 2, atMs: 100_000 })).toBeUndefined();
    expect(resumeEntry(without, { stepIndex: 1, atMs: 500_000 })).toBeUndefined();
  });
});

describe('continueEntry', () => {
  it('speaks the first cue not yet heard, with no words before it', () => {
    expect(continueEntry(ankle, { stepIndex: 2, atMs: 123_000 }, 123_000)).toMatchObject({ atMs: 123_000, words: 'none', repress: false });
  });

  it('moves on to the next step when the heard part reached the end of this one', () => {
    expect(continueEntry(ankle, { stepIndex: 0, atMs: 60_500 }, 60_500)).toMatchObject({ stepIndex: 1, words: 'intro' });
  });
});
