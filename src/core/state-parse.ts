import { getRoutine } from './content/routines.js';
import { HOLD_LENGTHS, POINT_IDS, ROUTINE_IDS, TECHNIQUE_IDS, type HoldLength, type PointId, type RoutineId } from './content/types.js';
import { INITIAL_STATE, QUESTIONS, SESSION_FIELDS, STATE_VERSION, type LastAnswer, type Mark, type Pending, type Played, type Position, type Progress, type Question, type SkillState } from './state.js';
import { practiceStep } from './plan.js';
import { DEFAULT_PREFERENCES, FEET, PACES, type Foot, type Pace, type Preferences } from './timeline.js';
import { isDay, MAX_COUNT, type RoutineStats, type Stats } from './stats.js';

/** A plain object (not null, not an array): what every parser here and at the edge checks before reading fields. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const oneOf = <T extends string>(v: unknown, list: readonly T[]): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** Longest plan time a step can have, in ms (two five-minute holds and a switch, with room). */
const MAX_PLAN_MS = 15 * 60_000;
const MAX_MARKS = 200;

function parsePosition(raw: unknown, routineId: RoutineId): Position | undefined {
  if (!isObject(raw)) return undefined;
  const steps = getRoutine(routineId).steps.length;
  return isInt(raw.stepIndex, 0, steps - 1) && isInt(raw.atMs, 0, MAX_PLAN_MS) ? { stepIndex: raw.stepIndex, atMs: raw.atMs } : undefined;
}

function parsePlayed(raw: unknown, routineId: RoutineId): Played | undefined {
  if (!isObject(raw) || !Number.isFinite(raw.sentAtMs) || !isInt(raw.lengthMs, 0, 600_000) || !Array.isArray(raw.marks) || raw.marks.length > MAX_MARKS) return undefined;
  const steps = getRoutine(routineId).steps.length;
  const marks: Mark[] = [];
  for (const m of raw.marks as unknown[]) {
    if (!Array.isArray(m) || m.length !== 4 || !isInt(m[0], 0, 600_000) || !isInt(m[1], 0, steps - 1) || !isInt(m[2], 0, MAX_PLAN_MS) || (m[3] !== 0 && m[3] !== 1)) return undefined;
    marks.push([m[0], m[1], m[2], m[3]]);
  }
  const next = raw.next === undefined ? undefined : parsePosition(raw.next, routineId);
  if (raw.next !== undefined && !next) return undefined;
  return { sentAtMs: raw.sentAtMs as number, lengthMs: raw.lengthMs, marks, ...(next ? { next } : {}), runsOn: raw.runsOn === true };
}

function parseProgress(p: unknown): Progress | undefined {
  if (!isObject(p) || !oneOf(p.routineId, ROUTINE_IDS)) return undefined;
  const at = parsePosition(p.at, p.routineId);
  if (!at) return undefined;
  const played = parsePlayed(p.played, p.routineId);
  const steps = getRoutine(p.routineId).steps.length;
  const light = Array.isArray(p.light) ? [...new Set((p.light as unknown[]).filter((i): i is number => isInt(i, 0, steps - 1)))] : [];
  return {
    routineId: p.routineId, at, paused: p.paused === true, ...(played ? { played } : {}),
    ...(isInt(p.seq, 0, Number.MAX_SAFE_INTEGER) ? { seq: p.seq } : {}), ...(light.length ? { light } : {}),
    ...(p.stream === 'playing' || p.stream === 'queued' ? { stream: p.stream } : {}),
    ...(p.returning === true ? { returning: true } : {}),
    ...(oneOf<PointId>(p.point, POINT_IDS) && practiceStep(p.point)?.routineId === p.routineId ? { point: p.point } : {}),
  };
}

function parsePending(raw: unknown): Pending | undefined {
  if (!isObject(raw) || !oneOf<Question>(raw.question, QUESTIONS)) return undefined;
  return {
    question: raw.question,
    ...(oneOf<RoutineId>(raw.routineId, ROUTINE_IDS) ? { routineId: raw.routineId } : {}),
    ...(oneOf<PointId>(raw.pointId, POINT_IDS) ? { pointId: raw.pointId } : {}),
    ...(raw.ask === 'where' || raw.ask === 'helps' || raw.ask === 'practise' ? { ask: raw.ask } : {}),
    ...(raw.unsure === true ? { unsure: true } : {}),
  };
}

function parseLast(raw: unknown): LastAnswer | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.kind === 'point' && oneOf<PointId>(raw.pointId, POINT_IDS) && (raw.ask === 'where' || raw.ask === 'helps')) return { kind: 'point', pointId: raw.pointId, ask: raw.ask };
  if (raw.kind === 'technique' && oneOf(raw.techniqueId, TECHNIQUE_IDS)) return { kind: 'technique', techniqueId: raw.techniqueId };
  return undefined;
}

/**
 * Stats of unknown shape: each routine's entry kept only when its count is a whole number from 1 and its date a
 * real day; the run only when both days are real and in order. Anything else (a tampered value) is dropped.
 */
export function parseStats(raw: unknown): Stats | undefined {
  if (!isObject(raw)) return undefined;
  const routines: Partial<Record<RoutineId, RoutineStats>> = {};
  if (isObject(raw.routines)) {
    for (const id of ROUTINE_IDS) {
      const r = raw.routines[id];
      if (isObject(r) && isInt(r.count, 1, MAX_COUNT) && isDay(r.last)) routines[id] = { count: r.count, last: r.last };
    }
  }
  const run = isObject(raw.run) && isDay(raw.run.from) && isDay(raw.run.to) && raw.run.from <= raw.run.to ? { from: raw.run.from, to: raw.run.to } : undefined;
  if (!Object.keys(routines).length && !run) return undefined;
  return { routines, ...(run ? { run } : {}) };
}

/**
 * Validates stored state of unknown shape (session or persistent attributes).
 * Anything invalid or of another version falls back, field by field, to a safe default.
 */
export function parseState(raw: unknown): SkillState {
  if (!isObject(raw) || raw.v !== STATE_VERSION) return INITIAL_STATE;
  const p = isObject(raw.prefs) ? raw.prefs : {};
  const prefs: Preferences = {
    holdLength: oneOf<HoldLength>(p.holdLength, HOLD_LENGTHS) ? p.holdLength : DEFAULT_PREFERENCES.holdLength,
    chimes: typeof p.chimes === 'boolean' ? p.chimes : DEFAULT_PREFERENCES.chimes,
    countdown: typeof p.countdown === 'boolean' ? p.countdown : DEFAULT_PREFERENCES.countdown,
    pace: oneOf<Pace>(p.pace, PACES) ? p.pace : DEFAULT_PREFERENCES.pace,
    waitBetweenSteps: typeof p.waitBetweenSteps === 'boolean' ? p.waitBetweenSteps : DEFAULT_PREFERENCES.waitBetweenSteps,
    audio: typeof p.audio === 'boolean' ? p.audio : DEFAULT_PREFERENCES.audio,
  };
  const progress = parseProgress(raw.progress);
  const pending = parsePending(raw.pending);
  const last = parseLast(raw.last);
  const stats = parseStats(raw.stats);
  const counted = Array.isArray(raw.counted) ? [...new Set((raw.counted as unknown[]).filter((r): r is RoutineId => oneOf(r, ROUTINE_IDS)))] : [];
  return {
    v: STATE_VERSION,
    prefs,
    ...(progress ? { progress } : {}),
    ...(pending ? { pending } : {}),
    ...(typeof raw.leaveOut === 'boolean' ? { leaveOut: raw.leaveOut } : {}),
    ...(raw.keepChoice === true ? { keepChoice: true } : {}),
    ...(raw.disclaimed === true ? { disclaimed: true } : {}),
    ...(raw.audioNoted === true ? { audioNoted: true } : {}),
    ...(Array.isArray(raw.heard) ? { heard: [...new Set((raw.heard as unknown[]).filter((r): r is RoutineId => oneOf(r, ROUTINE_IDS)))] } : {}),
    ...(last ? { last } : {}),
    ...(raw.lightAll === true ? { lightAll: true } : {}),
    ...(isInt(raw.lastSeq, 0, Number.MAX_SAFE_INTEGER) ? { lastSeq: raw.lastSeq } : {}),
    ...(stats ? { stats } : {}),
    ...(counted.length ? { counted } : {}),
    ...(oneOf<Foot>(raw.oneFoot, FEET) ? { oneFoot: raw.oneFoot } : {}),
  };
}

/** What a stored record's `state` attribute turned out to be. */
export type StoredState =
  /** No `state` in the record. */
  | { readonly kind: 'absent' }
  /** This version's state, validated field by field. */
  | { readonly kind: 'current'; readonly state: SkillState }
  /** An older version's state, carried over to this version (see {@link migrateState}). */
  | { readonly kind: 'migrated'; readonly from: number; readonly state: SkillState }
  /** A newer version's state (a later deploy, before a rollback): never to be overwritten by this code. */
  | { readonly kind: 'newer'; readonly v: number }
  /** Not a state of any version: replaced by this version's on the next save. */
  | { readonly kind: 'unreadable' };

/**
 * Version 1's stored state (until commit d2e2ee9): preferences without pace or waiting, the place as a
 * segment index (words-dependent), and `pregnant` where version 2 keeps the leave-out choice.
 */
function fromV1(raw: Record<string, unknown>): Record<string, unknown> {
  const p = isObject(raw.progress) ? raw.progress : undefined;
  // A segment index depends on the words of its day: the step is kept, from its start, paused.
  const progress = p && Number.isInteger(p.stepIndex) ? { routineId: p.routineId, at: { stepIndex: p.stepIndex, atMs: 0 }, paused: true } : undefined;
  return {
    v: 2,
    prefs: isObject(raw.prefs) ? raw.prefs : {},
    ...(progress ? { progress } : {}),
    // v1 asked "are you pregnant?"; its yes is v2's choice to leave the points out, its no the choice to keep them.
    ...(typeof raw.pregnant === 'boolean' ? { leaveOut: raw.pregnant } : {}),
    ...(raw.disclaimed === true ? { disclaimed: true } : {}),
  };
}

/** Older versions this code reads, each to the next one. */
const MIGRATIONS: Readonly<Record<number, (raw: Record<string, unknown>) => Record<string, unknown>>> = { 1: fromV1 };

/**
 * Reads a stored record's state of any version: this version's as {@link parseState} does, older ones
 * migrated, newer ones recognised (and not read). Session-only fields are never taken from the store.
 */
export function parseStoredState(raw: unknown): StoredState {
  if (raw === undefined) return { kind: 'absent' };
  if (!isObject(raw) || !Number.isInteger(raw.v) || (raw.v as number) < 1) return { kind: 'unreadable' };
  const v = raw.v as number;
  if (v > STATE_VERSION) return { kind: 'newer', v };
  let current = raw;
  for (let from = v; from < STATE_VERSION; from += 1) {
    const step = MIGRATIONS[from];
    if (!step) return { kind: 'unreadable' };
    current = step(current);
  }
  const state: SkillState = { ...parseState(current) };
  for (const field of SESSION_FIELDS) delete (state as Partial<SkillState>)[field];
  return v === STATE_VERSION ? { kind: 'current', state } : { kind: 'migrated', from: v, state };
}
