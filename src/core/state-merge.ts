/**
 * What outlives the session, field by field, and how one session's changes go on top of a record that
 * another session (another device of the same user) may have changed meanwhile.
 *
 * The unit of change is a *tracked field*: each top-level persisted field, except `prefs`, which is
 * tracked preference by preference (two devices changing two different preferences must both win).
 * To persist one more top-level field, or stop persisting one, edit {@link PERSISTED_FIELDS} and give it
 * a rule in {@link MERGE_RULES}; nothing else has to change.
 */
import { getRoutine } from './content/routines.js';
import type { Step } from './content/types.js';
import { INITIAL_STATE, SESSION_FIELDS, STATE_VERSION, type Mark, type Position, type Progress, type SkillState } from './state.js';
import { footTime } from './timeline.js';
import type { RoutineEvent } from './events.js';
import { DEFAULT_PREFERENCES, type Preferences } from './timeline.js';
import { mergeStats, type Stats } from './stats.js';

/** Top-level fields of the state that the store keeps (besides `v`). */
export const PERSISTED_FIELDS = ['prefs', 'progress', 'leaveOut', 'keepChoice', 'disclaimed', 'heard', 'audioNoted', 'stats'] as const;
export type PersistedField = (typeof PERSISTED_FIELDS)[number];

const PREF_KEYS = Object.keys(DEFAULT_PREFERENCES) as (keyof Preferences)[];

/** A unit of change: `prefs.<key>`, or any other persisted field. */
export type TrackedField = `prefs.${keyof Preferences}` | Exclude<PersistedField, 'prefs'>;

export const TRACKED_FIELDS: readonly TrackedField[] = PERSISTED_FIELDS.flatMap((f): TrackedField[] => (f === 'prefs' ? PREF_KEYS.map((k) => `prefs.${k}` as const) : [f]));

const TRACKED = new Set<string>(TRACKED_FIELDS);
export const isTrackedField = (x: unknown): x is TrackedField => typeof x === 'string' && TRACKED.has(x);

/**
 * How a field this session changed goes on top of the record:
 * - `session`: the session's value (the later change wins);
 * - `union`: the record's list with the session's entries added (a list that only grows);
 * - `either`: true when either says true (a flag that is only ever set);
 * - `safeTrue`: the session's value, except that when the record's value also changed since this session
 *   read it (both devices chose) and either choice is `true`, it is `true`: leaving points out is the safe side;
 * - `counts`: the record's counts plus what this session added since it last saw the record (increments, never
 *   last writer wins), each date the later one, runs of days joined (src/core/stats.ts `mergeStats`).
 */
export type MergeRule = 'session' | 'union' | 'either' | 'safeTrue' | 'counts';

const MERGE_RULES: Readonly<Record<PersistedField, MergeRule>> = {
  prefs: 'session', progress: 'session', leaveOut: 'safeTrue', keepChoice: 'session', disclaimed: 'either', heard: 'union', audioNoted: 'either',
  stats: 'counts',
};

/**
 * What outlives the session: the state without its session-only parts. A choice to leave the pregnancy points
 * out is kept only when the user said yes to keeping it (`keepChoice`, consent); without that it lives in the
 * session alone. "Include them" (false) is a content preference and is kept. No health status is stored.
 */
export function persistedView(state: SkillState): SkillState {
  const view: Record<string, unknown> = { v: state.v, prefs: state.prefs };
  for (const f of PERSISTED_FIELDS) if (state[f] !== undefined) view[f] = state[f];
  if (state.progress && state.oneFoot) view.progress = bothFeetProgress(state);
  if (view.leaveOut === true && view.keepChoice !== true) delete view.leaveOut;
  return view as unknown as SkillState;
}

/**
 * The place on both feet's clock, for the store: one foot only lasts for the session, so a place kept for next
 * time must mean the same moment without it. The right foot's clock is the first hold of both; the left foot's is
 * the second hold's, moved to 0: every plan time (the place, what played, where it goes on) moves back by as much.
 */
function bothFeetProgress(state: SkillState): Progress {
  const progress = state.progress as Progress;
  const steps = getRoutine(progress.routineId).steps;
  const map = (stepIndex: number, atMs: number) => footTime(steps[stepIndex] as Step, state.prefs, atMs, state.oneFoot, undefined);
  const at = (p: Position): Position => ({ stepIndex: p.stepIndex, atMs: map(p.stepIndex, p.atMs) });
  const played = progress.played;
  return {
    ...progress, at: at(progress.at),
    ...(played ? { played: { ...played, marks: played.marks.map(([real, i, planMs, running]): Mark => [real, i, map(i, planMs), running]), ...(played.next ? { next: at(played.next) } : {}) } } : {}),
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function valueOf(state: SkillState, field: TrackedField): unknown {
  return field.startsWith('prefs.') ? state.prefs[field.slice(6) as keyof Preferences] : state[field as Exclude<PersistedField, 'prefs'>];
}

/** The tracked fields whose value differs between two states (what one request changed). */
export function changedFields(before: SkillState, after: SkillState): TrackedField[] {
  return TRACKED_FIELDS.filter((f) => !same(valueOf(before, f), valueOf(after, f)));
}

/**
 * Fields an event sets explicitly, even to the value the session already holds: "turn on the chimes" in a
 * session whose (stale or default) view already has chimes on is still the user's choice, and must reach
 * the record over another device's "chimes off" or a stored value the session could not read.
 */
export function touchedBy(event: RoutineEvent): TrackedField[] {
  switch (event.type) {
    case 'setPrefs': return (Object.keys(event.prefs) as (keyof Preferences)[]).filter((k) => PREF_KEYS.includes(k)).map((k) => `prefs.${k}` as const);
    case 'resetSettings': return [...PREF_KEYS.map((k) => `prefs.${k}` as const), 'leaveOut', 'keepChoice'];
    case 'pregnant': case 'notPregnant': return ['leaveOut'];
    case 'forgetChoice': return ['leaveOut', 'keepChoice'];
    default: return [];
  }
}

/** What a session knew of the record when it last read or wrote it (for the `safeTrue` rule). */
export interface MergeBase {
  /** The record's leave-out choice as this session last saw it; `unknown` when it never saw the record. */
  readonly leaveOut: boolean | undefined | 'unknown';
  /** The record's stats as this session last read or wrote them: what it added since is the difference. Absent: none. */
  readonly stats?: Stats;
}

/**
 * The record with this session's changes on top: each changed field by its {@link MERGE_RULES} rule,
 * the fields the session did not change from the record, and the session-only fields from the session.
 */
export function applyChanges(record: SkillState, session: SkillState, changed: readonly TrackedField[], base: MergeBase): SkillState {
  const prefs = { ...record.prefs };
  const out: Record<string, unknown> = { ...persistedView(record), v: STATE_VERSION };
  for (const field of changed) {
    if (field.startsWith('prefs.')) {
      const key = field.slice(6) as keyof Preferences;
      (prefs as Record<string, unknown>)[key] = session.prefs[key];
      continue;
    }
    const f = field as Exclude<PersistedField, 'prefs'>;
    const mine = session[f];
    const theirs = record[f];
    let value: unknown;
    switch (MERGE_RULES[f]) {
      case 'session': value = mine; break;
      case 'union': value = [...new Set([...((theirs as unknown[] | undefined) ?? []), ...((mine as unknown[] | undefined) ?? [])])]; break;
      case 'either': value = theirs === true || mine === true ? true : mine; break;
      case 'safeTrue': {
        const concurrent = base.leaveOut === 'unknown' ? theirs !== undefined : !same(theirs, base.leaveOut);
        value = concurrent && (theirs === true || mine === true) ? true : mine;
        break;
      }
      case 'counts': value = mergeStats(theirs as Stats | undefined, mine as Stats | undefined, base.stats); break;
    }
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete out[f];
    else out[f] = value;
  }
  out.prefs = prefs;
  const kept = Object.fromEntries(SESSION_FIELDS.filter((f) => session[f]).map((f) => [f, session[f]]));
  return { ...(out as unknown as SkillState), ...kept };
}

/** The record a session starts from when there is none (never saved, or erased). */
export const EMPTY_RECORD: SkillState = INITIAL_STATE;
