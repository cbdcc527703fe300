/**
 * One path per request: the request interceptor parses the state once and looks the voice up once;
 * handlers read and replace `ctx.state`; {@link finish} writes it once, from the response interceptor
 * and from the error handler alike.
 */
import type { HandlerInput, RequestInterceptor } from 'ask-sdk-core';
import { getRequestType, getSupportedInterfaces } from './sdk.js';
import { parseState } from '../core/state-parse.js';
import { INITIAL_STATE, type SkillState } from '../core/state.js';
import type { Device } from '../core/turn.js';
import type { Voice } from '../core/voice.js';
import { loadVoice } from './i18n.js';

/** Session-attribute key of the state. */
const STATE_KEY = 'state';
const CONTEXT = 'ctx';

/**
 * Request types Alexa sends without a session (Amazon's documented examples): no state, no store, no speech.
 * The one list of them: the handlers, the error handler and the tools' envelopes all use it.
 */
export function isSessionlessType(type: string): boolean {
  return type === 'CanFulfillIntentRequest' || type === 'System.ExceptionEncountered' || type.startsWith('AudioPlayer.') || type.startsWith('PlaybackController.');
}

export function isSessionless(input: HandlerInput): boolean {
  return !input.requestEnvelope.session || isSessionlessType(getRequestType(input.requestEnvelope));
}

export interface RequestContext {
  /** The request's voice; replaced once by loadPersistedState when the saved pace differs from the session's. */
  voice: Voice;
  /** The state as parsed (and possibly replaced from the store); handlers set the new one here. */
  state: SkillState;
  /** `request.timestamp` in epoch ms; NaN when absent or unreadable. */
  readonly nowMs: number;
  readonly device: Device;
  /** The request has a session to keep state in. */
  readonly session: boolean;
  /** Set by the persistence load when the store could not be read this turn. */
  storeDown: boolean;
  readonly storeEnabled: boolean;
  readonly startedAt: bigint;
  /** What the handler answered, for the log line. */
  outcome?: string;
  /** Store bookkeeping kept in the session (see persistence-sync.ts). */
  store?: StoreMeta;
}

interface StoreMeta {
  /** The store has been read this session. */
  readonly loaded: boolean;
  /** JSON of the persisted view as last saved or read; a change from it means a save is due. */
  readonly saved: string;
  /** After a failure the store is left alone until this time (epoch ms), so the user hears no more delays. */
  readonly retryAtMs?: number;
}

const STORE_KEY = 'store';

function readMeta(attrs: Record<string, unknown> | undefined): StoreMeta | undefined {
  const raw = attrs?.[STORE_KEY] as Partial<StoreMeta> | undefined;
  if (typeof raw !== 'object' || raw === null || typeof raw.saved !== 'string') return undefined;
  return { loaded: raw.loaded === true, saved: raw.saved, ...(typeof raw.retryAtMs === 'number' && Number.isFinite(raw.retryAtMs) ? { retryAtMs: raw.retryAtMs } : {}) };
}

/** Reads the state out of session attributes. Tampered or old state falls back, field by field. */
function readSessionState(input: HandlerInput): SkillState {
  if (!input.requestEnvelope.session) return INITIAL_STATE;
  return parseState(input.attributesManager.getSessionAttributes<Record<string, unknown>>()?.[STATE_KEY]);
}

export const requestContext = (storeEnabled: boolean): RequestInterceptor => ({
  async process(input) {
    const startedAt = process.hrtime.bigint();
    const session = !isSessionless(input);
    const state = session ? readSessionState(input) : INITIAL_STATE;
    const request = input.requestEnvelope.request;
    const voice = await loadVoice(request?.locale, state.prefs.pace);
    const screen = Boolean((getSupportedInterfaces(input.requestEnvelope) as Record<string, unknown> | undefined)?.['Alexa.Presentation.APL']);
    const attrs = session ? input.attributesManager.getSessionAttributes<Record<string, unknown>>() : undefined;
    const store = readMeta(attrs);
    const ctx: RequestContext = {
      voice, state, nowMs: Date.parse(String(request?.timestamp ?? '')), device: { screen }, session, storeDown: false, storeEnabled, startedAt,
      ...(store ? { store } : {}),
    };
    input.attributesManager.setRequestAttributes({ ...input.attributesManager.getRequestAttributes(), [CONTEXT]: ctx });
  },
});

/** The request's context; set by {@link requestContext} before any handler runs. */
export function contextOf(input: HandlerInput): RequestContext {
  const ctx = input.attributesManager.getRequestAttributes()[CONTEXT] as RequestContext | undefined;
  if (!ctx) throw new Error('request context missing');
  return ctx;
}

export function maybeContextOf(input: HandlerInput): RequestContext | undefined {
  return input.attributesManager.getRequestAttributes()[CONTEXT] as RequestContext | undefined;
}

/** Writes the state into the session once, for every response (also after an error). */
export function writeSessionState(input: HandlerInput): void {
  const ctx = maybeContextOf(input);
  if (!ctx?.session) return;
  input.attributesManager.setSessionAttributes({
    ...(input.attributesManager.getSessionAttributes<Record<string, unknown>>() ?? {}),
    [STATE_KEY]: ctx.state, ...(ctx.store ? { [STORE_KEY]: ctx.store } : {}),
  });
}


/** Voice lookups when no context exists (a failure before the request interceptor finished). */
export async function voiceOf(input: HandlerInput): Promise<Voice> {
  return maybeContextOf(input)?.voice ?? loadVoice(input.requestEnvelope.request?.locale);
}
