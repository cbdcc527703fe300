import { describe, expect, it } from 'vitest';
import { parseState, parseStoredState } from '../../src/core/state-parse.js';
import v1 from '../support/fixtures/record-v1.json';
import { INITIAL_STATE, STATE_VERSION, type SkillState } from '../../src/core/state.js';
import { DEFAULT_PREFERENCES } from '../../src/core/timeline.js';

const full: SkillState = {
  v: STATE_VERSION, prefs: { holdLength: 'long', chimes: false, countdown: true, pace: 'slow', waitBetweenSteps: true, audio: false },
  leaveOut: true, disclaimed: true, heard: ['ankle', 'heel'], audioNoted: true,
  progress: { routineId: 'ankle', at: { stepIndex: 2, atMs: 98_000 }, paused: true, stream: 'queued',
    played: { sentAtMs: 1_000, lengthMs: 200_000, marks: [[0, 2, 0, 0], [30_000, 2, 0, 1]], next: { stepIndex: 2, atMs: 123_000 }, runsOn: false } },
  pending: { question: 'didYouMean', pointId: 'BL62', ask: 'where' },
  last: { kind: 'point', pointId: 'KI6', ask: 'helps' },
};

describe('parseState', () => {
  it('keeps a valid state exactly', () => {
    expect(parseState(JSON.parse(JSON.stringify(full)))).toEqual(full);
  });

  it('falls back to the initial state for another version or shape', () => {
    expect(parseState({ ...full, v: 1 })).toEqual(INITIAL_STATE);
    expect(parseState('nope')).toEqual(INITIAL_STATE);
    expect(parseState(null)).toEqual(INITIAL_STATE);
  });

  it.each([
    ['a step past the routine', { ...full.progress, at: { stepIndex: 9, atMs: 0 } }],
    ['a negative place', { ...full.progress, at: { stepIndex: 1, atMs: -5 } }],
    ['a place beyond any step', { ...full.progress, at: { stepIndex: 1, atMs: 99_000_000 } }],
    ['an unknown routine', { ...full.progress, routineId: 'tango' }],
  ])('drops progress with %s, keeping everything else', (_, progress) => {
    const parsed = parseState({ ...full, progress });
    expect(parsed.progress).toBeUndefined();
    expect(parsed.prefs).toEqual(full.prefs);
    expect(parsed.leaveOut).toBe(true);
  });

  it('drops a tampered record of what was played, keeping the place', () => {
    const bad = { ...full.progress, played: { ...full.progress!.played, marks: [[0, 99, 0, 1]] } };
    expect(parseState({ ...full, progress: bad }).progress).toEqual({ routineId: 'ankle', at: { stepIndex: 2, atMs: 98_000 }, paused: true, stream: 'queued' });
  });

  it('falls back field by field: preferences, questions, choices and lists', () => {
    const parsed = parseState({ ...full, prefs: { holdLength: 'huge', pace: 'warp', chimes: 'yes' }, pending: { question: 'bogus' }, leaveOut: 'maybe', heard: ['ankle', 'tango', 3], last: { kind: 'point', pointId: 'XX' } });
    expect(parsed.prefs).toEqual({ ...DEFAULT_PREFERENCES });
    expect(parsed.pending).toBeUndefined();
    expect(parsed.leaveOut).toBeUndefined();
    expect(parsed.heard).toEqual(['ankle']);
    expect(parsed.last).toBeUndefined();
  });
});

describe('parseStoredState', () => {
  it('migrates a version 1 record: its preferences, the place (from the step\'s start, paused), pregnant → leaveOut, the disclaimer', () => {
    const read = parseStoredState(structuredClone(v1.attributes.state));
    expect(read).toEqual({
      kind: 'migrated', from: 1,
      state: {
        v: STATE_VERSION, prefs: { ...DEFAULT_PREFERENCES, holdLength: 'long', chimes: false, countdown: false },
        progress: { routineId: 'heel', at: { stepIndex: 2, atMs: 0 }, paused: true }, leaveOut: true, disclaimed: true,
      },
    });
    expect(parseStoredState({ ...v1.attributes.state, pregnant: false })).toMatchObject({ state: { leaveOut: false } });
  });

  it('recognises a newer version without reading it, and tells an unreadable state from a missing one', () => {
    expect(parseStoredState({ v: 3, prefs: {}, goals: ['sleep'] })).toEqual({ kind: 'newer', v: 3 });
    expect(parseStoredState(undefined)).toEqual({ kind: 'absent' });
    for (const raw of [null, 'x', { v: 'two' }, { v: 0 }, { v: 1.5 }]) expect(parseStoredState(raw)).toEqual({ kind: 'unreadable' });
  });

  it('reads the current version as parseState does, without the session-only fields', () => {
    const { pending: _p, last: _l, ...stored } = full;
    expect(parseStoredState(JSON.parse(JSON.stringify(full)))).toEqual({ kind: 'current', state: stored });
  });
});
