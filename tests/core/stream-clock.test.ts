/**
 * The device's offset in a step stream as plan time, and back (src/core/audio-plan.ts): pure functions over the
 * step's own layout, the same one the stream function renders. Before the first press the place is the step's
 * start; from it on, stream time and plan time advance together; resuming rewinds to the last cue's onset.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadVoice } from '../../src/alexa/i18n.js';
import { streamClock, streamOffset, streamPlace, streamWords, type StreamClock } from '../../src/core/audio-plan.js';
import { planRoutine } from '../../src/core/plan.js';
import { DEFAULT_PREFERENCES } from '../../src/core/timeline.js';

let clock: StreamClock;

beforeAll(async () => {
  const voice = await loadVoice('en-US');
  const plan = planRoutine('ankle', DEFAULT_PREFERENCES, false);
  const step = plan.steps[1]?.index as number;
  clock = streamClock({ plan, stepIndex: step, words: streamWords(voice, 'ankle', DEFAULT_PREFERENCES, false, plan), voice, prefs: DEFAULT_PREFERENCES, chime: voice.chime });
});

describe('stream clock', () => {
  it('starts the plan after the introduction, and knows every cue', () => {
    expect(clock.anchorMs).toBeGreaterThan(5_000);
    expect(clock.cuePlanMs.length).toBeGreaterThan(3);
    expect([...clock.cuePlanMs].sort((a, b) => a - b)).toEqual(clock.cuePlanMs);
  });

  it('places an offset in the introduction at the step\'s start, and one in the hold at its plan time', () => {
    expect(streamPlace(clock, 0)).toEqual({ atMs: 0, lastCueMs: 0 });
    expect(streamPlace(clock, clock.anchorMs - 1_000).atMs).toBe(0);
    expect(streamPlace(clock, clock.anchorMs + 42_000).atMs).toBe(clock.anchorPlanMs + 42_000);
    expect(streamPlace(clock, clock.anchorMs + 10 * 3_600_000).atMs).toBe(clock.durationMs);
  });

  it('resumes at the onset of the last cue said, never after the place', () => {
    for (const at of [1_000, 20_000, 45_000, 61_000, clock.durationMs]) {
      const offset = streamOffset(clock, at);
      const cue = clock.cuePlanMs.filter((ms) => ms <= at).at(-1) as number;
      expect(offset).toBe(clock.anchorMs + cue - clock.anchorPlanMs);
      expect(streamPlace(clock, offset).atMs).toBeLessThanOrEqual(at);
    }
    expect(streamOffset(clock, 0)).toBe(0);
  });
});
