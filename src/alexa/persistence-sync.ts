/**
 * The ask-sdk interceptors of the store, as thin wrappers over ./store-session.ts (where the semantics
 * live): the record is read once per session, changes are noted per request and saved at its end, on top
 * of the record as it is, and erasure leaves a tombstone. These go once the turn function calls
 * store-session.ts itself.
 *
 * The adapter is reached through the AttributesManager: our adapters attach the item as found to the
 * attributes they read, and do a conditional write or an erasure when given one (persistence/record-store.ts);
 * any other adapter gets plain reads and saves.
 */
import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { getRequestType } from './sdk.js';
import { INITIAL_STATE, type SkillState } from '../core/state.js';
import { contextOf, maybeContextOf, writeSessionState, type RequestContext } from './context.js';
import { loadVoice } from './i18n.js';
import { LEGACY_FOUND, LEGACY_WRITE, type Found, type LegacyWrite, type RecordStore } from './persistence/record-store.js';
import { eraseForUser, loadForSession, newStoreMeta, noteChanges, readStoreMeta, saveForSession, type StoreMeta } from './store-session.js';

export { persistedView } from '../core/state-merge.js';
export { STORE_RETRY_AFTER_MS } from './store-session.js';

/** Session-attribute key of the store bookkeeping (as context.ts writes it back). */
const META_KEY = 'store';

/** Per request: the state after the load (what the handler started from) and the bookkeeping so far. */
const started = new WeakMap<RequestContext, SkillState>();
const metas = new WeakMap<RequestContext, StoreMeta>();

function metaOf(input: HandlerInput, ctx: RequestContext): StoreMeta {
  const known = metas.get(ctx);
  if (known) return known;
  const raw = input.requestEnvelope.session ? input.attributesManager.getSessionAttributes<Record<string, unknown>>()?.[META_KEY] : undefined;
  return readStoreMeta(raw) ?? newStoreMeta(ctx.nowMs);
}

function setMeta(ctx: RequestContext, meta: StoreMeta): void {
  metas.set(ctx, meta);
  const kept = { ...meta, saved: '' }; // context.ts's reader of the old shape wants `saved`; nothing reads it
  ctx.store = kept;
}

/** A RecordStore over the request's AttributesManager (the user is the request's). */
function bridge(input: HandlerInput): RecordStore {
  const manager = input.attributesManager;
  const send = async (request: LegacyWrite, plain: Record<string, unknown>): Promise<void> => {
    Object.defineProperty(plain, LEGACY_WRITE, { value: request, enumerable: false });
    manager.setPersistentAttributes(plain);
    await manager.savePersistentAttributes();
  };
  return {
    async read(): Promise<Found> {
      const attributes = await manager.getPersistentAttributes(false);
      const found = (attributes as Record<symbol, Found | undefined> | undefined)?.[LEGACY_FOUND];
      if (found) return found;
      return attributes && Object.keys(attributes).length > 0 ? { kind: 'record', state: attributes.state, mapped: true } : { kind: 'none' };
    },
    async write(_userId, state, rev, expect): Promise<boolean> {
      const request: LegacyWrite = { write: { state, rev, expect } };
      await send(request, { state });
      return request.outcome !== 'conflict';
    },
    async erase(_userId, tombstone): Promise<void> {
      const request: LegacyWrite = { erase: tombstone };
      await send(request, {});
      if (request.outcome !== 'written') await manager.deletePersistentAttributes?.();
    },
  };
}

/** Reads the user's saved state once per session. What the user already changed in the session wins over it. */
export const loadPersistedState: RequestInterceptor = {
  async process(input) {
    const ctx = contextOf(input);
    if (!ctx.session || !ctx.storeEnabled) return;
    const pace = ctx.state.prefs.pace;
    const { state, meta, down } = await loadForSession(bridge(input), '', ctx.state, metaOf(input, ctx), ctx.nowMs);
    ctx.state = state;
    setMeta(ctx, meta);
    started.set(ctx, state);
    if (down && !meta.loaded) ctx.storeDown = true;
    // The voice was looked up at the session's pace: a saved slow pace holds from this first answer on.
    if (ctx.state.prefs.pace !== pace) ctx.voice = await loadVoice(input.requestEnvelope.request?.locale, ctx.state.prefs.pace);
  },
};

async function savePersistedState(input: HandlerInput, response: Response | undefined): Promise<void> {
  const ctx = maybeContextOf(input);
  if (!ctx?.session || !ctx.storeEnabled) return;
  const ending = getRequestType(input.requestEnvelope) === 'SessionEndedRequest' || response?.shouldEndSession === true;
  const meta = noteChanges(metaOf(input, ctx), started.get(ctx) ?? ctx.state, ctx.state);
  const saved = await saveForSession(bridge(input), '', ctx.state, meta, ctx.nowMs, { ending });
  ctx.state = saved.state;
  setMeta(ctx, saved.meta);
}

/** Saves when due, then writes the session state: the one write of every request. */
export async function finish(input: HandlerInput, response?: Response): Promise<void> {
  await savePersistedState(input, response);
  writeSessionState(input);
}

export const finishResponse: ResponseInterceptor = { process: (input, response) => finish(input, response) };

/** Erases the user's record (a tombstone). Returns false when the store could not be reached. */
export async function deletePersistedState(input: HandlerInput): Promise<boolean> {
  const ctx = contextOf(input);
  const { ok, meta } = await eraseForUser(bridge(input), '', ctx.nowMs, metaOf(input, ctx));
  if (ok) {
    setMeta(ctx, meta);
    started.set(ctx, INITIAL_STATE); // the session's reset after the erasure is not a change to save
  }
  return ok;
}
