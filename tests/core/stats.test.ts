/**
 * "How many times have I done this?" as pure functions (src/core/stats.ts) and through the reducer: the day of a
 * request, days in a row across month and year ends, the same day twice, a gap, a count once per routine per
 * session, and two devices' counts merged as increments.
 */
import { describe, expect, it } from 'vitest';
import { next } from '../../src/core/reducer.js';
import { INITIAL_STATE, type SkillState } from '../../src/core/state.js';
import { countSession, dayOf, daysBetween, historyEntries, isDay, mergeRuns, mergeStats, streakOn, type Stats } from '../../src/core/stats.js';

const at = (iso: string) => Date.parse(iso);
/** Sessions of one routine on these days, each counted once. */
const daysOf = (...days: string[]): Stats | undefined => days.reduce<Stats | undefined>((s, d) => countSession(s, 'ankle', d), undefined);

describe('the day and the days in a row', () => {
  it('takes the UTC day of the request, and only real days', () => {
    expect(dayOf(at('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    expect(dayOf(at('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
    expect(dayOf(Number.NaN)).toBeUndefined();
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2027-02-29')).toBe(false);
    expect(isDay('2026-12-7')).toBe(false);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('counts days in a row across a month end and a year end', () => {
    expect(streakOn(daysOf('2026-11-29', '2026-11-30', '2026-12-01'), '2026-12-01')).toBe(3);
    expect(streakOn(daysOf('2026-12-30', '2026-12-31', '2027-01-01'), '2027-01-01')).toBe(3);
    expect(streakOn(daysOf('2028-02-28', '2028-02-29', '2028-03-01'), '2028-03-01')).toBe(3);
  });

  it('counts the same day twice as one day, and each session', () => {
    const s = daysOf('2026-12-06', '2026-12-07', '2026-12-07');
    expect(streakOn(s, '2026-12-07')).toBe(2);
    expect(s?.routines.ankle).toEqual({ count: 3, last: '2026-12-07' });
  });

  it('keeps the run until the end of the next day, and a gap starts a new one', () => {
    const s = daysOf('2026-12-05', '2026-12-06');
    expect(streakOn(s, '2026-12-06')).toBe(2);
    expect(streakOn(s, '2026-12-07')).toBe(2);
    expect(streakOn(s, '2026-12-08')).toBe(0);
    const after = countSession(s, 'heel', '2026-12-08');
    expect(after.run).toEqual({ from: '2026-12-08', to: '2026-12-08' });
    expect(streakOn(after, '2026-12-08')).toBe(1);
    // Bounded: one entry per routine and the run's two days, however many sessions.
    expect(Object.keys(after)).toEqual(['routines', 'run']);
  });

  it('lists the routines done, the most recent first, with how long ago', () => {
    const s = countSession(daysOf('2026-11-20'), 'heel', '2026-12-06');
    expect(historyEntries(s, '2026-12-07')).toEqual([
      { routineId: 'heel', count: 1, last: '2026-12-06', daysAgo: 1 }, { routineId: 'ankle', count: 1, last: '2026-11-20', daysAgo: 17 },
    ]);
    expect(historyEntries(s, '2026-12-07', 'lowBack')).toEqual([]);
  });
});

describe('two devices', () => {
  it('add their counts (each its own increment since it read the record), take the later date, and join their runs', () => {
    const base = daysOf('2026-12-05');
    const mine = countSession(base, 'ankle', '2026-12-06');
    const theirs = countSession(countSession(base, 'ankle', '2026-12-07'), 'heel', '2026-12-07');
    const merged = mergeStats(theirs, mine, base);
    expect(merged?.routines).toEqual({ ankle: { count: 3, last: '2026-12-07' }, heel: { count: 1, last: '2026-12-07' } });
    expect(merged?.run).toEqual({ from: '2026-12-05', to: '2026-12-07' });
    // Never read the record: everything this session has is its own.
    expect(mergeStats(theirs, daysOf('2026-12-07'), undefined)?.routines.ankle?.count).toBe(3);
    expect(mergeRuns({ from: '2026-12-01', to: '2026-12-02' }, { from: '2026-12-05', to: '2026-12-05' })).toEqual({ from: '2026-12-05', to: '2026-12-05' });
  });
});

describe('through the reducer', () => {
  const T = at('2026-12-07T18:00:00Z');
  const run = (state: SkillState, ...events: Parameters<typeof next>[1][]) => events.reduce((s, e) => next(s, e, T).state, state);

  it('counts a routine once per session, however often it is begun, resumed or moved through', () => {
    const s = run({ ...INITIAL_STATE, leaveOut: false }, { type: 'start', routineId: 'heel' }, { type: 'next' }, { type: 'start', routineId: 'heel' }, { type: 'startOver' });
    expect(s.stats?.routines.heel).toEqual({ count: 1, last: '2026-12-07' });
    expect(s.counted).toEqual(['heel']);
    const other = run(s, { type: 'start', routineId: 'lowBack' });
    expect(other.stats?.routines).toEqual({ heel: { count: 1, last: '2026-12-07' }, lowBack: { count: 1, last: '2026-12-07' } });
    // A new session (session-only `counted` gone) counts again.
    const { counted: _c, ...nextSession } = other;
    expect(run(nextSession, { type: 'start', routineId: 'heel' }).stats?.routines.heel?.count).toBe(2);
  });

  it('does not count a routine that was only asked about, or a question before it begins', () => {
    const s = run(INITIAL_STATE, { type: 'start', routineId: 'heel' }, { type: 'point', pointId: 'KI6', ask: 'where' }, { type: 'history', routineId: undefined });
    expect(s.stats).toBeUndefined();
  });

  it('answers mid-hold as a detour: the current routine, counting this one, and the place kept', () => {
    const before = run({ ...INITIAL_STATE, leaveOut: false, stats: daysOf('2026-12-05', '2026-12-06') }, { type: 'start', routineId: 'ankle' });
    const t = next(before, { type: 'history', routineId: undefined }, T + 90_000);
    expect(t.outcome).toEqual({ kind: 'history', asked: 'ankle', entries: [{ routineId: 'ankle', count: 3, last: '2026-12-07', daysAgo: 0 }], streak: 3, current: true, inRoutine: true, today: '2026-12-07' });
    expect(t.state.progress?.paused).toBe(true);
    expect(t.state.progress?.played).toBeUndefined();
    expect(next(t.state, { type: 'resume' }, T + 95_000).outcome.kind).toBe('segment');
  });
});
