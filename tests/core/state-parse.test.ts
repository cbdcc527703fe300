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
  stats: { routines: { ankle: { count: 4, last: '2026-12-07' }, heel: { count: 1, last: '2026-11-30' } }, run: { from: '2026-12-05', to: '2026-12-07' } },
  counted: ['ankle'],
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

describe('parseState: stats', () => {
  const withStats = (stats: unknown, counted?: unknown) => parseState({ ...JSON.parse(JSON.stringify(full)), stats, counted });

  it('drops tampered entries one by one: a count not a whole number from 1, a date that is no day, a routine we do not have', () => {
    const good = { count: 2, last: '2026-12-07' };
    const parsed = withStats({
      routines: {
        ankle: good, heel: { count: 0, last: '2026-12-07' }, anxiety: { count: 2.5, last: '2026-12-07' }, lowBack: { count: '3', last: '2026-12-07' },
        preparation: { count: 3, last: '2026-02-30' }, ballRelease: { count: 1e12, last: '2026-12-07' }, knees: good,
      },
      run: { from: '2026-12-07', to: '2026-12-01' },
    }, ['ankle', 'knees', 7]);
    expect(parsed.stats).toEqual({ routines: { ankle: good } });
    expect(parsed.counted).toEqual(['ankle']);
    expect(withStats({ routines: { ankle: { count: 1, last: '2026-12-07T10:00:00Z' } } }).stats).toBeUndefined();
    expect(withStats({ routines: [] , run: { from: 20261201, to: '2026-12-07' } }).stats).toBeUndefined();
    for (const raw of [null, 'lots', 5, [], { routines: null }]) expect(withStats(raw).stats).toBeUndefined();
    expect(withStats({ routines: {}, run: { from: '2026-12-01', to: '2026-12-07', times: ['18:00'] } }).stats).toEqual({ routines: {}, run: { from: '2026-12-01', to: '2026-12-07' } });
  });

  it('keeps a returning run of a routine, and only a true one', () => {
    const progress = { routineId: 'ankle', at: { stepIndex: 0, atMs: 0 }, paused: true };
    expect(parseState({ ...INITIAL_STATE, progress: { ...progress, returning: true } }).progress?.returning).toBe(true);
    expect(parseState({ ...INITIAL_STATE, progress: { ...progress, returning: 'yes' } }).progress).not.toHaveProperty('returning');
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
    const { pending: _p, last: _l, counted: _c, ...stored } = full;
    expect(parseStoredState(JSON.parse(JSON.stringify(full)))).toEqual({ kind: 'current', state: stored });
  });
});
