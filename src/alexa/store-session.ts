/**
 * The user's record across sessions and devices, as plain functions (no ask-sdk, no request objects).
 *
 * A turn calls, in order:
 *   1. `meta = readStoreMeta(sessionAttributes.store)` (undefined for a new session; checked field by field);
 *   2. `{ state, meta, down } = await loadForSession(store, userId, state, meta, nowMs)`: reads the record once
 *      per session (`down`: it could not be read; say so at launch);
 *   3. the reducer: `after = next(state, event)`; then `meta = noteChanges(meta, state, after, touchedBy(event))`;
 *      "delete my data" confirmed: `{ ok, meta } = await eraseForUser(store, userId, nowMs, meta)` instead, and
 *      no noteChanges for that turn (the erased session's reset is not a change to save);
 *   4. `{ state, meta, result } = await saveForSession(store, userId, after, meta, nowMs, { ending })`, with
 *      `ending` true when the session ends with this response (stop, SessionEndedRequest, a goodbye);
 *      say "your place is kept" only when `result` is 'saved' or 'unchanged';
 *   5. session attributes: `{ state, store: meta }`.
 *
 * Semantics (README "Memory (DynamoDB)"):
 * - Optimistic concurrency: the item carries `rev`; a write is conditional on the item being as this session
 *   last read or wrote it. On a conflict the item is read again and only the fields this session changed
 *   (`meta.changed`, tracked by noteChanges, preference by preference) go on top of it, then the write is tried
 *   again. Rules per field in src/core/state-merge.ts; a leave-out choice both devices made resolves to true.
 * - Erasure is final: it leaves a tombstone. A session whose view was read before the erasure never writes
 *   again (`result` 'failed', reason 'erased'); a session that read the tombstone may begin a new record.
 * - Versions: an older record is migrated when read; a newer one is never written (the session works from
 *   its own state, reason 'newer'). Every attribute of the item besides `state` and `rev` is kept.
 * - Honest saves: after a store failure the store is left alone for STORE_RETRY_AFTER_MS, except the save at
 *   the end of a session, which is always tried. An unreadable part of an item is dropped when read, so it
 *   never stops saving.
 */
import { errorFields, log } from './log.js';
import { isStoreUnavailable } from './persistence/errors.js';
import type { Expect, Found, RecordStore } from './persistence/record-store.js';
import { isObject, parseStats, parseStoredState } from '../core/state-parse.js';
import type { Stats } from '../core/stats.js';
import { applyChanges, changedFields, EMPTY_RECORD, isTrackedField, persistedView, TRACKED_FIELDS, type MergeBase, type TrackedField } from '../core/state-merge.js';
import type { SkillState } from '../core/state.js';

export type { Expect, Found, RecordStore, Tombstone } from './persistence/record-store.js';

/** After a store failure, how long a session leaves the store alone (the end of the session excepted), in ms. */
export const STORE_RETRY_AFTER_MS = 60_000;
/** How long a tombstone stays before the table's TTL may remove it, in s: longer than any session lives. */
export const TOMBSTONE_TTL_S = 86_400;
/** Writes tried per save: the first, and again after each conflict. */
const MAX_WRITES = 3;

/** What this session's view of the record is based on. */
export type Base =
  | { readonly kind: 'none' }
  | { readonly kind: 'tombstone'; readonly deletedAtS: number }
  | { readonly kind: 'record'; readonly rev?: number; readonly erasedAtS?: number; readonly mapped: boolean; readonly leaveOut?: boolean;
      /** The record's stats as read or written: what this session adds to the counts is its own stats less these. */
      readonly stats?: Stats };

/** Store bookkeeping of one session, kept in its session attributes under `store`. */
export interface StoreMeta {
  /** The record was read this session: `base` says what it was. */
  readonly loaded: boolean;
  readonly base?: Base;
  /** Fields this session changed that are not saved yet. */
  readonly changed: readonly TrackedField[];
  /** The session's first request (epoch ms): a session that never read the record began before an erasure after it. */
  readonly startedAtMs?: number;
  /** After a failure, the store is left alone until then (epoch ms), except when the session ends. */
  readonly retryAtMs?: number;
  /** This session never writes: the record was erased after it was read, or belongs to a newer version. */
  readonly blocked?: 'erased' | 'newer';
}

export type SaveResult = 'unchanged' | 'saved' | 'failed';
/** Why a save failed: the store is down or refused; left alone for now; the record was erased or is newer; conflicts kept winning. */
export type FailReason = 'down' | 'rejected' | 'resting' | 'erased' | 'newer' | 'conflict';

const isWhole = (v: unknown): v is number => Number.isSafeInteger(v);
/** A request's clock: its timestamp, or now when the request has none. */
export const clockOf = (nowMs: number): number => (Number.isFinite(nowMs) ? nowMs : Date.now());

function readBase(raw: unknown): Base | undefined {
  if (!isObject(raw)) return undefined;
  if (raw.kind === 'none') return { kind: 'none' };
  if (raw.kind === 'tombstone' && isWhole(raw.deletedAtS)) return { kind: 'tombstone', deletedAtS: raw.deletedAtS };
  if (raw.kind === 'record' && (raw.rev === undefined || isWhole(raw.rev)) && (raw.erasedAtS === undefined || isWhole(raw.erasedAtS))) {
    return {
      kind: 'record', mapped: raw.mapped !== false,
      ...(isWhole(raw.rev) ? { rev: raw.rev } : {}), ...(isWhole(raw.erasedAtS) ? { erasedAtS: raw.erasedAtS } : {}),
      ...(typeof raw.leaveOut === 'boolean' ? { leaveOut: raw.leaveOut } : {}),
      ...statsOf(parseStats(raw.stats)),
    };
  }
  return undefined;
}

const statsOf = (stats: Stats | undefined): { stats?: Stats } => (stats ? { stats } : {});

/**
 * The session's store bookkeeping from its session attributes, checked field by field; undefined when there is
 * none. Tampered values cannot skip the read (loaded needs a valid base) nor overwrite a record (every write is
 * conditional on what was read).
 */
export function readStoreMeta(raw: unknown): StoreMeta | undefined {
  if (!isObject(raw)) return undefined;
  const base = readBase(raw.base);
  const blocked = raw.blocked === 'erased' || raw.blocked === 'newer' ? raw.blocked : undefined;
  const changed = Array.isArray(raw.changed) ? TRACKED_FIELDS.filter((f) => (raw.changed as unknown[]).includes(f)) : [];
  return {
    loaded: raw.loaded === true && (base !== undefined || blocked !== undefined),
    ...(base ? { base } : {}),
    changed,
    ...(Number.isFinite(raw.startedAtMs) ? { startedAtMs: raw.startedAtMs as number } : {}),
    ...(Number.isFinite(raw.retryAtMs) ? { retryAtMs: raw.retryAtMs as number } : {}),
    ...(blocked ? { blocked } : {}),
  };
}

/** Bookkeeping of a session that has not touched the store yet. */
export function newStoreMeta(nowMs: number): StoreMeta {
  return { loaded: false, changed: [], startedAtMs: clockOf(nowMs) };
}

/** Adds what one request changed (and what its event set explicitly, see touchedBy) to the fields to save. */
export function noteChanges(meta: StoreMeta, before: SkillState, after: SkillState, touched: readonly TrackedField[] = []): StoreMeta {
  const fresh = [...changedFields(before, after), ...touched.filter(isTrackedField)];
  if (fresh.every((f) => meta.changed.includes(f))) return meta;
  return { ...meta, changed: TRACKED_FIELDS.filter((f) => meta.changed.includes(f) || fresh.includes(f)) };
}

/** The erasure a base knows of: a record begun after one, or the tombstone itself. */
const erasureOf = (base: Base): number | undefined => (base.kind === 'tombstone' ? base.deletedAtS : base.kind === 'record' ? base.erasedAtS : undefined);

/** True when the session's view predates an erasure whose mark (`deletedAt` / `erasedAt`, epoch s) is `erasedAtS`. */
function predates(meta: StoreMeta, erasedAtS: number): boolean {
  if (meta.base) return erasureOf(meta.base) !== erasedAtS;
  // Never read: its changes may come from before the erasure when the session began before it (or in its second).
  return meta.changed.length > 0 && (meta.startedAtMs ?? 0) < (erasedAtS + 1) * 1000;
}

interface Rebased { readonly state: SkillState; readonly meta: StoreMeta }

function blocked(session: SkillState, meta: StoreMeta, why: 'erased' | 'newer'): Rebased {
  log('info', why === 'erased' ? 'store.erased_elsewhere' : 'store.newer_record');
  const { retryAtMs: _r, base: _b, ...rest } = meta;
  return { state: session, meta: { ...rest, loaded: true, blocked: why, changed: [] } };
}

/** The session's view on top of what was found: the record with this session's changes applied. */
function rebase(found: Found, session: SkillState, meta: StoreMeta, nowMs: number): Rebased {
  const { retryAtMs: _r, ...m } = meta;
  const mergeBase: MergeBase = {
    leaveOut: !m.base ? 'unknown' : m.base.kind === 'record' ? m.base.leaveOut : undefined,
    // Counts this session added since it last saw the record go on top as increments (none seen: all of them are its own).
    ...statsOf(m.base?.kind === 'record' ? m.base.stats : undefined),
  };
  let record = EMPTY_RECORD;
  let base: Base;
  switch (found.kind) {
    case 'none':
      // Never saved, or removed outside the skill (a tombstone past its TTL, an old version's delete): only
      // this session's changes are written, never the rest of its view.
      base = { kind: 'none' };
      break;
    case 'tombstone': {
      // TTL removes an expired item some time later (typically within two days), and reads still return it until
      // then: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
      const live = found.expiresAtS * 1000 > nowMs;
      if (live && (m.base?.kind === 'record' || m.base?.kind === 'none' || predates(m, found.deletedAtS))) return blocked(session, m, 'erased');
      base = { kind: 'tombstone', deletedAtS: found.deletedAtS };
      break;
    }
    case 'record': {
      if (found.erasedAtS !== undefined && predates(m, found.erasedAtS)) return blocked(session, m, 'erased');
      const stored = parseStoredState(found.state);
      if (stored.kind === 'newer') return blocked(session, m, 'newer');
      if (stored.kind === 'unreadable') log('warn', 'store.unreadable_state');
      if (stored.kind === 'current' || stored.kind === 'migrated') record = stored.state;
      base = {
        kind: 'record', mapped: found.mapped,
        ...(found.rev !== undefined ? { rev: found.rev } : {}), ...(found.erasedAtS !== undefined ? { erasedAtS: found.erasedAtS } : {}),
        ...(record.leaveOut !== undefined ? { leaveOut: record.leaveOut } : {}), ...statsOf(record.stats),
      };
      break;
    }
  }
  return { state: applyChanges(record, session, m.changed, mergeBase), meta: { ...m, loaded: true, base } };
}

/**
 * Reads the user's record once per session (not again once read, nor while the store is left alone after a
 * failure) and puts the session's own changes on top. `down`: the record could not be read this turn.
 */
export async function loadForSession(store: RecordStore, userId: string, session: SkillState, meta: StoreMeta | undefined, nowMs: number): Promise<{ state: SkillState; meta: StoreMeta; down: boolean }> {
  const now = clockOf(nowMs);
  const m = meta ?? newStoreMeta(now);
  if (m.loaded) return { state: session, meta: m, down: false };
  if (m.retryAtMs !== undefined && now < m.retryAtMs) return { state: session, meta: m, down: true };
  try {
    return { ...rebase(await store.read(userId), session, m, now), down: false };
  } catch (error) {
    log(isStoreUnavailable(error) ? 'warn' : 'error', 'store.load_failed', errorFields(error));
    return { state: session, meta: { ...m, retryAtMs: now + STORE_RETRY_AFTER_MS }, down: true };
  }
}

const expectOf = (base: Base): Expect =>
  base.kind === 'record' ? { kind: 'record', mapped: base.mapped, ...(base.rev !== undefined ? { rev: base.rev } : {}) } : base;

/**
 * Saves what this session changed, if anything: on top of the record as it is now (read first when this
 * session never read it), conditional on it, again after a conflict. At the end of a session it is tried
 * even while the store is left alone after a failure. `result` 'saved' or 'unchanged': the record holds the
 * session's persisted view; 'failed': it does not (`reason` says why; the changes stay due).
 */
export async function saveForSession(
  store: RecordStore, userId: string, state: SkillState, meta: StoreMeta | undefined, nowMs: number, opts: { readonly ending: boolean },
): Promise<{ state: SkillState; meta: StoreMeta; result: SaveResult; reason?: FailReason }> {
  const now = clockOf(nowMs);
  let m = meta ?? newStoreMeta(now);
  let current = state;
  // Blocked first: after an erasure elsewhere nothing of this session's place is kept, changed or not.
  if (m.blocked) return { state, meta: m, result: 'failed', reason: m.blocked };
  if (m.changed.length === 0) return { state, meta: m, result: 'unchanged' };
  if (!opts.ending && m.retryAtMs !== undefined && now < m.retryAtMs) return { state, meta: m, result: 'failed', reason: 'resting' };
  try {
    if (!m.loaded) ({ state: current, meta: m } = rebase(await store.read(userId), current, m, now));
    for (let attempt = 0; attempt < MAX_WRITES; attempt += 1) {
      if (m.blocked) return { state: current, meta: m, result: 'failed', reason: m.blocked };
      const base = m.base ?? { kind: 'none' };
      // Grows with every write; a record begun anew starts at the time, above any revision of an erased one.
      const rev = Math.max((base.kind === 'record' ? base.rev ?? 0 : 0) + 1, Math.floor(now));
      if (await store.write(userId, persistedView(current) as unknown as Record<string, unknown>, rev, expectOf(base))) {
        const erasedAtS = erasureOf(base);
        const saved: Base = {
          kind: 'record', rev, mapped: true,
          ...(erasedAtS !== undefined ? { erasedAtS } : {}), ...(current.leaveOut !== undefined ? { leaveOut: current.leaveOut } : {}),
          ...statsOf(persistedView(current).stats),
        };
        const { retryAtMs: _r, ...rest } = m;
        return { state: current, meta: { ...rest, loaded: true, base: saved, changed: [] }, result: 'saved' };
      }
      ({ state: current, meta: m } = rebase(await store.read(userId), current, m, now));
    }
    log('warn', 'store.save_conflict', { attempts: MAX_WRITES });
    return { state: current, meta: m, result: 'failed', reason: 'conflict' };
  } catch (error) {
    const down = isStoreUnavailable(error);
    log(down ? 'warn' : 'error', 'store.save_failed', errorFields(error));
    return { state: current, meta: { ...m, retryAtMs: now + STORE_RETRY_AFTER_MS }, result: 'failed', reason: down ? 'down' : 'rejected' };
  }
}

/**
 * Erases the user's record: a tombstone replaces it, so that no other open session writes it again. `ok`
 * false: the store could not be reached, nothing was erased (say so). The session's bookkeeping after it is
 * `meta`: based on the tombstone, nothing to save.
 */
export async function eraseForUser(store: RecordStore, userId: string, nowMs: number, meta?: StoreMeta): Promise<{ ok: boolean; meta: StoreMeta }> {
  const now = clockOf(nowMs);
  const deletedAtS = Math.floor(now / 1000);
  try {
    await store.erase(userId, { deletedAtS, expiresAtS: deletedAtS + TOMBSTONE_TTL_S });
    return { ok: true, meta: { loaded: true, base: { kind: 'tombstone', deletedAtS }, changed: [], startedAtMs: meta?.startedAtMs ?? now } };
  } catch (error) {
    log('warn', 'store.delete_failed', errorFields(error));
    return { ok: false, meta: meta ?? newStoreMeta(now) };
  }
}
