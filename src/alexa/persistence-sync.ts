import type { HandlerInput, RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import { INITIAL_STATE, type SkillState } from '../core/routine-state.js';
import { parseState } from '../core/state-parse.js';
import { errorFields, log } from './log.js';
import { readState, STATE_KEY, writeState } from './session.js';

/** Session-attribute key of the store bookkeeping. */
const STORE_KEY = 'store';
/** Persistent-attribute key of the saved state. */
const PERSISTED_KEY = 'state';
/** Request attribute set when the store could not be read this turn. */
export const STORE_DOWN = 'storeDown';

interface StoreMeta {
  /** The store has been read this session. */
  readonly loaded: boolean;
  /** JSON of the persisted view as last saved or read; a change from it means a save is due. */
  readonly saved: string;
}

/** What outlives the session: preferences, the safety answer, the disclaimer flag, and routine progress. */
export function persistedView(state: SkillState): SkillState {
  const { pending: _session, ...rest } = state;
  return rest;
}

const snapshot = (state: SkillState): string => JSON.stringify(persistedView(state));

function readMeta(input: HandlerInput): StoreMeta | undefined {
  const raw = input.attributesManager.getSessionAttributes<Record<string, unknown>>()?.[STORE_KEY];
  if (typeof raw === 'object' && raw !== null && typeof (raw as StoreMeta).saved === 'string') {
    return { loaded: (raw as StoreMeta).loaded === true, saved: (raw as StoreMeta).saved };
  }
  return undefined;
}

function writeMeta(input: HandlerInput, meta: StoreMeta): void {
  const attrs = input.attributesManager.getSessionAttributes<Record<string, unknown>>() ?? {};
  input.attributesManager.setSessionAttributes({ ...attrs, [STORE_KEY]: meta });
}

/**
 * Reads the user's saved state once per session (and retries on later turns while the store is down).
 * The session state wins whenever the user has already changed something this session.
 */
export const loadPersistedState: RequestInterceptor = {
  async process(input) {
    const meta = readMeta(input);
    if (meta?.loaded) return;
    const session = readState(input);
    const baseline = meta?.saved ?? snapshot(INITIAL_STATE);
    try {
      const attrs = await input.attributesManager.getPersistentAttributes(true);
      const remote = parseState(attrs?.[PERSISTED_KEY]);
      const untouched = snapshot(session) === baseline;
      if (untouched) {
        writeState(input, { ...remote, ...(session.pending ? { pending: session.pending } : {}) });
        writeMeta(input, { loaded: true, saved: snapshot(remote) });
      } else {
        writeMeta(input, { loaded: true, saved: snapshot(remote) });
      }
    } catch (error) {
      log('warn', 'store.load_failed', errorFields(error));
      input.attributesManager.setRequestAttributes({ ...input.attributesManager.getRequestAttributes(), [STORE_DOWN]: true });
      writeMeta(input, { loaded: false, saved: baseline });
    }
  },
};

/** Saves the persisted view when it changed, from this one place. A failed save is retried next turn. */
export const savePersistedState: ResponseInterceptor = {
  async process(input) {
    const attrs = input.attributesManager.getSessionAttributes<Record<string, unknown>>();
    if (!attrs || !(STATE_KEY in attrs)) return;
    const meta = readMeta(input) ?? { loaded: false, saved: snapshot(INITIAL_STATE) };
    const state = readState(input);
    const current = snapshot(state);
    if (current === meta.saved) return;
    try {
      input.attributesManager.setPersistentAttributes({ [PERSISTED_KEY]: persistedView(state) });
      await input.attributesManager.savePersistentAttributes();
      writeMeta(input, { ...meta, saved: current });
    } catch (error) {
      log('warn', 'store.save_failed', errorFields(error));
    }
  },
};

/** Erases the user's record. Returns false when the store could not be reached. */
export async function deletePersistedState(input: HandlerInput): Promise<boolean> {
  try {
    await input.attributesManager.deletePersistentAttributes?.();
    writeMeta(input, { loaded: true, saved: snapshot(INITIAL_STATE) });
    return true;
  } catch (error) {
    log('warn', 'store.delete_failed', errorFields(error));
    return false;
  }
}
