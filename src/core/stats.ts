/**
 * "How many times have I done this?": per routine, how many sessions began (or resumed into) it and the date of
 * the last one; for the whole skill, the run of days in a row. Counts and dates only (YYYY-MM-DD), no times, no
 * health, and a bounded size: one entry per routine and one run (its first and last day), never a list of days.
 *
 * The day is the UTC day of the request's timestamp (`request.timestamp` is UTC; the device's time zone would take
 * a call to the Alexa Settings API per session, see docs/privacy.md "Dates"). Pure: the store merges two devices'
 * counts with {@link mergeStats} (src/core/state-merge.ts), counts as increments and dates as the later one.
 */
import { ROUTINE_IDS, type RoutineId } from './content/types.js';

export interface RoutineStats {
  /** Sessions that began or resumed into the routine (once per session). */
  readonly count: number;
  /** The day of the last of them, YYYY-MM-DD (UTC). */
  readonly last: string;
}

/** Days in a row on which a routine was done: from the first to the last, both included. */
export interface DayRun { readonly from: string; readonly to: string }

export interface Stats {
  readonly routines: Readonly<Partial<Record<RoutineId, RoutineStats>>>;
  readonly run?: DayRun;
}

const EMPTY_STATS: Stats = { routines: {} };

const DAY_MS = 86_400_000;
/** Counts stop here: a stored number, not a ledger. */
export const MAX_COUNT = 1_000_000;

/** The UTC day of an epoch-ms timestamp, YYYY-MM-DD; undefined when the time is unknown. */
export function dayOf(nowMs: number): string | undefined {
  if (!Number.isFinite(nowMs)) return undefined;
  return new Date(nowMs).toISOString().slice(0, 10);
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day in YYYY-MM-DD form (not 2026-02-30). */
export function isDay(v: unknown): v is string {
  if (typeof v !== 'string' || !DAY_RE.test(v)) return false;
  const ms = Date.parse(`${v}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === v;
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

const laterDay = (a: string, b: string): string => (a >= b ? a : b);

/** Two runs as one: their union when they overlap or touch, else the later one. */
export function mergeRuns(a: DayRun | undefined, b: DayRun | undefined): DayRun | undefined {
  if (!a || !b) return a ?? b;
  const [early, late] = a.to <= b.to ? [a, b] : [b, a];
  if (daysBetween(early.to, late.from) > 1) return late;
  return { from: early.from < late.from ? early.from : late.from, to: late.to };
}

/** The stats after one session began or resumed into a routine on `day` (the caller counts it once per session). */
export function countSession(stats: Stats | undefined, routineId: RoutineId, day: string): Stats {
  const s = stats ?? EMPTY_STATS;
  const before = s.routines[routineId];
  const routine: RoutineStats = { count: Math.min(MAX_COUNT, (before?.count ?? 0) + 1), last: before ? laterDay(before.last, day) : day };
  return { routines: { ...s.routines, [routineId]: routine }, run: mergeRuns(s.run, { from: day, to: day }) as DayRun };
}

/** Days in a row that end today or yesterday (0 when the last day is older, or the run is in the future). */
export function streakOn(stats: Stats | undefined, today: string): number {
  const run = stats?.run;
  if (!run) return 0;
  const since = daysBetween(run.to, today);
  return since === 0 || since === 1 ? daysBetween(run.from, run.to) + 1 : 0;
}

/**
 * Another session's stats merged with this one's, given what this session last saw of the record (`base`):
 * a count goes up by what this session added (never last writer wins), a date is the later one, runs join.
 */
export function mergeStats(record: Stats | undefined, mine: Stats | undefined, base: Stats | undefined): Stats | undefined {
  if (!mine) return record;
  const routines: Partial<Record<RoutineId, RoutineStats>> = { ...(record?.routines ?? {}) };
  for (const id of ROUTINE_IDS) {
    const m = mine.routines[id];
    if (!m) continue;
    const theirs = routines[id];
    const added = Math.max(0, m.count - (base?.routines[id]?.count ?? 0));
    routines[id] = { count: Math.min(MAX_COUNT, (theirs?.count ?? 0) + added), last: theirs ? laterDay(theirs.last, m.last) : m.last };
  }
  const run = mergeRuns(record?.run, mine.run);
  return { routines, ...(run ? { run } : {}) };
}

/** One routine's line of the answer, as data: how often, and how long ago the last time was. */
export interface HistoryEntry { readonly routineId: RoutineId; readonly count: number; readonly last: string; readonly daysAgo: number }

/** The routines done, most recent first (ties in the routines' own order). */
export function historyEntries(stats: Stats | undefined, today: string, only?: RoutineId): HistoryEntry[] {
  const ids = only ? [only] : ROUTINE_IDS;
  return ids.flatMap((routineId) => {
    const r = stats?.routines[routineId];
    return r ? [{ routineId, count: r.count, last: r.last, daysAgo: Math.max(0, daysBetween(r.last, today)) }] : [];
  }).sort((a, b) => a.daysAgo - b.daysAgo);
}
