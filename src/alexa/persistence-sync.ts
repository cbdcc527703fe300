/**
 * Memory across sessions: the store is read once per session and written only when the persisted view
 * changed, from {@link finish} (shared by the response interceptor and the error handler).
 * After a failure the store is left alone for {@link STORE_RETRY_AFTER_MS}, the state lives on in the
 * session, and it is saved once the store answers again (at the latest when the session ends).
 */
import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import { getRequestType } from './sdk.js';
import { parseState } from '../core/state-parse.js';
import { INITIAL_STATE, withSessionChanges, type SkillState } from '../core/state.js';
import { contextOf, maybeContextOf, writeSessionState, type RequestContext } from './context.js';
import { loadVoice } from './i18n.js';
import { errorFields, log } from './log.js';
import { isStoreUnavailable } from './persistence/errors.js';

/** Persistent-attribute key of the saved state. */
const PERSISTED_KEY = 'state';
/** After a store failure, how long the session leaves the store alone before trying again, in ms. */
export const STORE_RETRY_AFTER_MS = 60_000;

/** What outlives the session: preferences, the leave-out choice, the disclaimer flag, and routine progress. */
export function persistedView(state: SkillState): SkillState {
  const { pending: _p, last: _l, ...rest } = state;
  return rest;
}

const snapshot = (state: SkillState): string => JSON.stringify(persistedView(state));
const clock = (ctx: RequestContext) => (Number.isFinite(ctx.nowMs) ? ctx.nowMs : Date.now());
const resting = (ctx: RequestContext) => ctx.store?.retryAtMs !== undefined && clock(ctx) < ctx.store.retryAtMs;

/** Reads the user's saved state once per session. What the user already changed in the session wins over it. */
export const loadPersistedState: RequestInterceptor = {
  async process(input) {
    const ctx = contextOf(input);
    if (!ctx.session || !ctx.storeEnabled || ctx.store?.loaded || resting(ctx)) return;
    const baseline = ctx.store?.saved ?? snapshot(INITIAL_STATE);
    try {
      const attrs = await input.attributesManager.getPersistentAttributes(true);
      const remote = parseState(attrs?.[PERSISTED_KEY]);
      const pace = ctx.state.prefs.pace;
      ctx.state = snapshot(ctx.state) === baseline ? { ...remote, ...(ctx.state.pending ? { pending: ctx.state.pending } : {}) } : withSessionChanges(remote, ctx.state);
      ctx.store = { loaded: true, saved: snapshot(remote) };
      // The voice was looked up at the session's pace: a saved slow pace holds from this first answer on.
      if (ctx.state.prefs.pace !== pace) ctx.voice = await loadVoice(input.requestEnvelope.request?.locale, ctx.state.prefs.pace);
    } catch (error) {
      // Unreachable: rest the store for a while. Rejected (a bug, not an outage): say so loudly, don't rest it.
      const down = isStoreUnavailable(error);
      log(down ? 'warn' : 'error', 'store.load_failed', errorFields(error));
      ctx.storeDown = true;
      ctx.store = { loaded: false, saved: baseline, ...(down ? { retryAtMs: clock(ctx) + STORE_RETRY_AFTER_MS } : {}) };
    }
  },
};

async function savePersistedState(input: HandlerInput): Promise<void> {
  const ctx = maybeContextOf(input);
  if (!ctx?.session || !ctx.storeEnabled) return;
  const ending = getRequestType(input.requestEnvelope) === 'SessionEndedRequest';
  if (resting(ctx) && !ending) return;
  let meta = ctx.store ?? { loaded: false, saved: snapshot(INITIAL_STATE) };
  if (!meta.loaded) {
    if (snapshot(ctx.state) === meta.saved) return; // nothing changed: no reason to read the store
    // Never read this session (the store was down): read it now, so the session's changes go on top of the
    // record instead of replacing it. Still unreadable: nothing is written (the session keeps its state).
    try {
      const remote = parseState((await input.attributesManager.getPersistentAttributes(false))?.[PERSISTED_KEY]);
      ctx.state = withSessionChanges(remote, ctx.state);
      meta = { loaded: true, saved: snapshot(remote) };
      ctx.store = meta;
    } catch (error) {
      const down = isStoreUnavailable(error);
      log(down ? 'warn' : 'error', 'store.load_failed', errorFields(error));
      ctx.store = down ? { ...meta, retryAtMs: clock(ctx) + STORE_RETRY_AFTER_MS } : meta;
      return;
    }
  }
  const current = snapshot(ctx.state);
  if (current === meta.saved) return;
  try {
    input.attributesManager.setPersistentAttributes({ [PERSISTED_KEY]: persistedView(ctx.state) });
    await input.attributesManager.savePersistentAttributes();
    ctx.store = { loaded: meta.loaded, saved: current };
  } catch (error) {
    const down = isStoreUnavailable(error);
    log(down ? 'warn' : 'error', 'store.save_failed', errorFields(error));
    ctx.store = down ? { ...meta, retryAtMs: clock(ctx) + STORE_RETRY_AFTER_MS } : meta;
  }
}

/** Saves when due, then writes the session state: the one write of every request. */
export async function finish(input: HandlerInput): Promise<void> {
  await savePersistedState(input);
  writeSessionState(input);
}

export const finishResponse: ResponseInterceptor = { process: (input) => finish(input) };

/** Erases the user's record. Returns false when the store could not be reached. */
export async function deletePersistedState(input: HandlerInput): Promise<boolean> {
  const ctx = contextOf(input);
  try {
    await input.attributesManager.deletePersistentAttributes?.();
    ctx.store = { loaded: true, saved: snapshot(INITIAL_STATE) };
    return true;
  } catch (error) {
    log('warn', 'store.delete_failed', errorFields(error));
    return false;
  }
}
