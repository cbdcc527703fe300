/**
 * Memory across sessions, as plain functions the turn function calls (no SDK, no shared context): the store is
 * read once per session and written only when the persisted view changed. After a failure the store is left
 * alone for {@link STORE_RETRY_AFTER_MS}; the state lives on in the session and is saved once the store answers
 * again (at the latest when the session ends).
 */
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { parseState } from '../core/state-parse.js';
import { INITIAL_STATE, withSessionChanges, type SkillState } from '../core/state.js';
import { errorFields, log } from './log.js';
import { isStoreUnavailable } from './persistence/errors.js';

export type RecordStore = PersistenceAdapter;
/** Who the record belongs to, as the store reads it. */
export type StoreKey = RequestEnvelope;

/** Persistent-attribute key of the saved state. */
const PERSISTED_KEY = 'state';
/** After a store failure, how long the session leaves the store alone before trying again, in ms. */
export const STORE_RETRY_AFTER_MS = 60_000;

/** Store bookkeeping kept in the session. */
export interface StoreMeta {
  /** The store has been read this session. */
  readonly loaded: boolean;
  /** JSON of the persisted view as last saved or read; a change from it means a save is due. */
  readonly saved: string;
  /** After a failure the store is left alone until this time (epoch ms), so the user hears no more delays. */
  readonly retryAtMs?: number;
}

/**
 * What outlives the session: preferences, the disclaimer flag, routines heard, and routine progress. A choice to
 * leave the pregnancy points out is kept only when the user said yes to keeping it (`keepChoice`); "include
 * them" is a content preference and is kept. No health status is ever stored.
 */
export function persistedView(state: SkillState): SkillState {
  const { pending: _p, last: _l, leaveOut, keepChoice, ...rest } = state;
  if (leaveOut === true && !keepChoice) return rest;
  return { ...rest, ...(leaveOut !== undefined ? { leaveOut } : {}), ...(keepChoice ? { keepChoice } : {}) };
}

const snapshot = (state: SkillState): string => JSON.stringify(persistedView(state));
const resting = (meta: StoreMeta | undefined, nowMs: number) => meta?.retryAtMs !== undefined && nowMs < meta.retryAtMs;
const failed = (meta: StoreMeta, error: unknown, nowMs: number, what: string): StoreMeta => {
  // Unreachable: rest the store for a while. Rejected (a bug, not an outage): say so loudly, don't rest it.
  const down = isStoreUnavailable(error);
  log(down ? 'warn' : 'error', what, errorFields(error));
  return down ? { ...meta, retryAtMs: nowMs + STORE_RETRY_AFTER_MS } : meta;
};

export function readStoreMeta(raw: unknown): StoreMeta | undefined {
  const m = raw as Partial<StoreMeta> | undefined;
  if (typeof m !== 'object' || m === null || typeof m.saved !== 'string') return undefined;
  return { loaded: m.loaded === true, saved: m.saved, ...(typeof m.retryAtMs === 'number' && Number.isFinite(m.retryAtMs) ? { retryAtMs: m.retryAtMs } : {}) };
}

/** Reads the user's saved state once per session; what the user already changed in the session wins over it. */
export async function loadForSession(store: RecordStore, key: StoreKey, session: SkillState, meta: StoreMeta | undefined, nowMs: number): Promise<{ state: SkillState; meta: StoreMeta | undefined; down: boolean }> {
  if (meta?.loaded || resting(meta, nowMs)) return { state: session, meta, down: false };
  const baseline = meta?.saved ?? snapshot(INITIAL_STATE);
  try {
    const remote = parseState((await store.getAttributes(key))?.[PERSISTED_KEY]);
    const state = snapshot(session) === baseline ? { ...remote, ...(session.pending ? { pending: session.pending } : {}) } : withSessionChanges(remote, session);
    return { state, meta: { loaded: true, saved: snapshot(remote) }, down: false };
  } catch (error) {
    return { state: session, meta: failed({ loaded: false, saved: baseline }, error, nowMs, 'store.load_failed'), down: true };
  }
}

/** Which persisted fields this session changed (kept for the save); today the snapshot carries it. */
export function noteChanges(meta: StoreMeta | undefined, _before: SkillState, _after: SkillState): StoreMeta | undefined {
  return meta;
}

export type SaveResult = 'unchanged' | 'saved' | 'failed';

/** Saves when the persisted view changed. `ending`: the session is closing, so the store is tried even while resting. */
export async function saveForSession(store: RecordStore, key: StoreKey, state: SkillState, meta: StoreMeta | undefined, nowMs: number, opts: { ending: boolean }): Promise<{ state: SkillState; meta: StoreMeta | undefined; result: SaveResult }> {
  let m: StoreMeta = meta ?? { loaded: false, saved: snapshot(INITIAL_STATE) };
  if (snapshot(state) === m.saved) return { state, meta, result: 'unchanged' };
  if (resting(m, nowMs) && !opts.ending) return { state, meta, result: 'failed' };
  let merged = state;
  if (!m.loaded) {
    // Never read this session (the store was down): read it now, so the session's changes go on top of the
    // record instead of replacing it. Still unreadable: nothing is written (the session keeps its state).
    try {
      const remote = parseState((await store.getAttributes(key))?.[PERSISTED_KEY]);
      merged = withSessionChanges(remote, state);
      m = { loaded: true, saved: snapshot(remote) };
    } catch (error) {
      return { state, meta: failed(m, error, nowMs, 'store.load_failed'), result: 'failed' };
    }
  }
  const current = snapshot(merged);
  if (current === m.saved) return { state: merged, meta: m, result: 'unchanged' };
  try {
    await store.saveAttributes(key, { [PERSISTED_KEY]: persistedView(merged) });
    return { state: merged, meta: { loaded: m.loaded, saved: current }, result: 'saved' };
  } catch (error) {
    return { state: merged, meta: failed(m, error, nowMs, 'store.save_failed'), result: 'failed' };
  }
}

/** Erases the user's record. `ok` false when the store could not be reached. */
export async function eraseForUser(store: RecordStore, key: StoreKey): Promise<{ ok: boolean; meta: StoreMeta | undefined }> {
  try {
    await store.deleteAttributes?.(key);
    return { ok: true, meta: { loaded: true, saved: snapshot(INITIAL_STATE) } };
  } catch (error) {
    log('warn', 'store.delete_failed', errorFields(error));
    return { ok: false, meta: undefined };
  }
}
