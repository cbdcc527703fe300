/** withSessionChanges: the stored record with what a session that could not read it changed on top. */
import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, withSessionChanges, type SkillState } from '../../src/core/state.js';

const stored: SkillState = {
  ...INITIAL_STATE, prefs: { ...INITIAL_STATE.prefs, holdLength: 'long', pace: 'slow' }, leaveOut: true, disclaimed: true, heard: ['ankle'],
  progress: { routineId: 'ankle', at: { stepIndex: 2, atMs: 40_000 }, paused: true },
} as SkillState;

describe('withSessionChanges', () => {
  it('is the stored state when the session changed nothing but hearing the disclaimer', () => {
    expect(withSessionChanges(stored, { ...INITIAL_STATE, disclaimed: true })).toEqual(stored);
  });

  it('takes each preference, the leave-out choice and the place from the session only where it changed them', () => {
    const session = { ...INITIAL_STATE, prefs: { ...INITIAL_STATE.prefs, holdLength: 'short' }, leaveOut: false, heard: ['heel'] } as SkillState;
    const merged = withSessionChanges(stored, session);
    expect(merged.prefs).toEqual({ ...stored.prefs, holdLength: 'short' });
    expect(merged.leaveOut).toBe(false);
    expect(merged.progress).toEqual(stored.progress);
    expect(merged.heard).toEqual(['ankle', 'heel']);
    expect(merged.disclaimed).toBe(true);
  });
});
