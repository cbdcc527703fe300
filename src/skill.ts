/**
 * The skill: one function carries a request from Alexa's envelope to the response.
 *
 *   verify the skill id → (sessionless: CanFulfill or silence) → parse the session once → the voice →
 *   the store, once per session → the event (one table) → respond (the pure core: state, words, effects) →
 *   carry out the effects that decide words (erase; save before a goodbye) → render (SSML, APL, card) →
 *   save when the persisted view changed → write the session once → one log line.
 *
 * Nothing is shared between steps but their return values. The error path is the same function: it renders
 * an apology and writes the state as it was parsed, so a response that failed to render never becomes the
 * user's place. Used by src/index.ts, the simulator and the tests.
 */
import type { RequestEnvelope, Response, ResponseEnvelope } from 'ask-sdk-model';
import { respond, withSaveResult, type Response as CoreResponse } from './core/respond.js';
import { parseState } from './core/state-parse.js';
import { INITIAL_STATE, type SkillState } from './core/state.js';
import { errorTurn } from './core/answers.js';
import type { Device, Voice } from './core/turn.js';
import { canFulfillIntent } from './alexa/can-fulfill.js';
import { eventOf, playerEventOf } from './alexa/events.js';
import { loadVoice } from './alexa/i18n.js';
import { errorFields, log } from './alexa/log.js';
import { deviceOf, playerDirective, streamConfigFromEnv, type StreamConfig } from './alexa/audio-player.js';
import { renderResponse, renderTurn } from './alexa/render.js';
import { applicationIdOf, hasScreen, intentNameIn, isPlayerRequestType, isSessionless, localeOf, requestIdOf, requestTypeOf, slotsOf, timestampOf } from './alexa/request.js';
import { describeRequest, logRequest } from './alexa/request-log.js';
import { userIdOf } from './alexa/persistence/user-id.js';
import { clockOf, eraseForUser, loadForSession, noteChanges, readStoreMeta, saveForSession, type RecordStore, type StoreMeta } from './alexa/store-session.js';
import { touchedBy } from './core/state-merge.js';

export interface SkillOptions {
  /** Verified against every request; omit only in the simulator and tests. */
  readonly skillId?: string;
  /**
   * Where preferences and progress outlive the session (the user's record, with conditional writes); without
   * one the skill keeps state per session only. `records(requestId)` gives the store for one request.
   */
  readonly store?: { records(requestId?: string): RecordStore };
  /**
   * Where step streams are served (AUDIO_BASE_URL) and the key that signs their URLs (AUDIO_URL_KEY); null for none.
   * @default from the environment: without both, speakers keep the spoken routine.
   */
  readonly audio?: StreamConfig | null;
}

export interface Skill {
  invoke(envelope: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope>;
}

/** Session-attribute keys of the skill's own: nothing else is written back. */
const STATE_KEY = 'state';
const STORE_KEY = 'store';

export function createSkill(options: SkillOptions = {}): Skill {
  const audio = options.audio === undefined ? streamConfigFromEnv() : options.audio ?? undefined;
  return { invoke: (envelope) => turn(envelope, { ...options, audio: audio ?? null }) };
}

const envelopeOf = (response: Response, sessionAttributes?: Record<string, unknown>): ResponseEnvelope => ({
  version: '1.0', response, ...(sessionAttributes ? { sessionAttributes } : {}),
});

const sessionOf = (state: SkillState, meta: StoreMeta | undefined): Record<string, unknown> => ({ [STATE_KEY]: state, ...(meta ? { [STORE_KEY]: meta } : {}) });

async function turn(envelope: RequestEnvelope, options: SkillOptions): Promise<ResponseEnvelope> {
  const startedAt = process.hrtime.bigint();
  if (options.skillId && applicationIdOf(envelope) !== options.skillId) {
    // Alexa only sends us our own skill's requests: anything else is refused, without an answer.
    log('warn', 'request.rejected', describeRequest(envelope));
    throw new Error('skill ID verification failed: the request is for another skill');
  }
  const type = requestTypeOf(envelope);
  // The device's player reports on our streams without a session: progress goes to the store, never a word.
  if (isPlayerRequestType(type)) return playerTurn(envelope, options, type, startedAt);
  if (isSessionless(envelope)) {
    // No state, no store, no speech; CanFulfill answers whether we can take the intent.
    const response: Response = type === 'CanFulfillIntentRequest' ? { canFulfillIntent: canFulfillIntent(intentNameIn(envelope), slotsOf(envelope)) } : {};
    if (type !== 'CanFulfillIntentRequest') log('info', 'request.ignored', { requestType: type || 'none' });
    logRequest(envelope, response, startedAt, type === 'CanFulfillIntentRequest' ? `canFulfill.${response.canFulfillIntent?.canFulfill}` : 'silent');
    return envelopeOf(response);
  }
  const attributes = (envelope.session?.attributes ?? {}) as Record<string, unknown>;
  const parsed = parseState(attributes[STATE_KEY]);
  const parsedMeta = readStoreMeta(attributes[STORE_KEY]);
  const nowMs = timestampOf(envelope);
  const clockMs = clockOf(nowMs);
  const config = options.audio ?? undefined;
  const device: Device = deviceOf(envelope, hasScreen(envelope), config);
  const locale = localeOf(envelope);
  let voice = await loadVoice(locale, parsed.prefs.pace);
  let result: CoreResponse | undefined;
  try {
    let state = parsed;
    let meta = parsedMeta;
    let down = false;
    const records = options.store?.records(requestIdOf(envelope));
    const userId = records ? userIdOf(envelope) : '';
    if (records) {
      ({ state, meta, down } = await loadForSession(records, userId, parsed, parsedMeta, clockMs));
      // The voice was looked up at the session's pace: a saved slow pace holds from this first answer on.
      if (state.prefs.pace !== parsed.prefs.pace) voice = await loadVoice(locale, state.prefs.pace);
    }
    if (type === 'SessionEndedRequest') {
      const r = envelope.request as { reason?: string; error?: { type?: string } };
      log(r.reason === 'ERROR' ? 'warn' : 'info', 'session.ended', { reason: String(r.reason ?? 'none'), ...(r.error?.type ? { errorType: String(r.error.type) } : {}) });
    }
    const event = eventOf(envelope, voice, down);
    result = respond(voice, state, event, nowMs, device);
    // Effects that decide the words come first: "deleted" only once erased, "your place is kept" only once saved.
    let saved = false;
    let erased = false;
    if (records && meta && result.effects.erase) {
      const erasure = await eraseForUser(records, userId, clockMs, meta);
      meta = erasure.meta;
      if (erasure.ok) erased = true;
      else result = respond(voice, state, { type: 'eraseFailed' }, nowMs, device);
    }
    if (records && meta && !erased) {
      meta = noteChanges(meta, state, result.state, touchedBy(event));
      if (result.effects.confirmSave) {
        const save = await saveForSession(records, userId, result.state, meta, clockMs, { ending: true });
        result = withSaveResult(voice, { ...result, state: save.state }, save.result !== 'failed');
        meta = save.meta;
        saved = true;
      }
    }
    const response = withPlayer(renderResponse(result, voice, device), result, voice, config, clockMs);
    // Commit what was rendered: the store when this session changed something, then the session, once.
    let committed = result.state;
    if (records && meta && !saved && !erased) {
      const save = await saveForSession(records, userId, committed, meta, clockMs, { ending: type === 'SessionEndedRequest' || response.shouldEndSession === true });
      committed = save.state;
      meta = save.meta;
    }
    logRequest(envelope, response, startedAt, result.outcome.kind);
    return envelopeOf(response, sessionOf(committed, meta));
  } catch (error) {
    // The same function answers its own failure: an apology, and the place as it was before this request.
    log('error', 'request.failed', errorFields(error));
    const response = renderTurn(errorTurn(voice, Boolean(parsed.progress)), voice);
    logRequest(envelope, response, startedAt, 'error');
    return envelopeOf(response, sessionOf(parsed, parsedMeta));
  }
}

/**
 * The AudioPlayer directive of a response, when the core asked for one. A Play ends the session, as Amazon asks
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/audioplayer-interface-reference.html, Play directive).
 */
function withPlayer(response: Response, result: CoreResponse, voice: Voice, config: StreamConfig | undefined, nowMs: number): Response {
  if (!result.player || !config) return response;
  const directive = playerDirective(result.player, result.state, voice.locale, config, nowMs);
  const out: Response = { ...response, directives: [...(response.directives ?? []), directive] };
  if (result.player.kind === 'play') {
    delete out.reprompt;
    out.shouldEndSession = true;
  }
  return out;
}

/**
 * AudioPlayer and PlaybackController requests: no session, so the user's place is read from the store, moved by
 * the report (or the button), and saved. The answer holds AudioPlayer directives only: Amazon accepts no speech,
 * card or reprompt there (audioplayer-interface-reference.html, playback-controller-interface-reference.html).
 */
async function playerTurn(envelope: RequestEnvelope, options: SkillOptions, type: string, startedAt: bigint): Promise<ResponseEnvelope> {
  const event = playerEventOf(envelope, type);
  const config = options.audio ?? undefined;
  const records = options.store?.records(requestIdOf(envelope));
  if (!event || !records) {
    log('info', 'request.ignored', { requestType: type || 'none' });
    logRequest(envelope, {}, startedAt, 'silent');
    return envelopeOf({});
  }
  try {
    const nowMs = timestampOf(envelope);
    const clockMs = clockOf(nowMs);
    const userId = userIdOf(envelope);
    const { state, meta, down } = await loadForSession(records, userId, INITIAL_STATE, undefined, clockMs);
    if (down) {
      logRequest(envelope, {}, startedAt, 'silent');
      return envelopeOf({});
    }
    const voice = await loadVoice(localeOf(envelope), state.prefs.pace);
    // The request comes from the player itself: a speaker that plays streams, whatever else it lists.
    const device: Device = { ...deviceOf(envelope, false, config), ...(config ? { audio: true } : {}) };
    const result = respond(voice, state, event, nowMs, device);
    if (event.type === 'playback' && event.what === 'failed') {
      const error = (envelope.request as { error?: { type?: unknown } }).error;
      log('warn', 'audio.failed', { errorType: String(error?.type ?? 'none'), fallback: 'speech' });
    }
    const response: Response = result.player && config ? { directives: [playerDirective(result.player, result.state, voice.locale, config, clockMs)] } : {};
    await saveForSession(records, userId, result.state, noteChanges(meta, state, result.state, touchedBy(event)), clockMs, { ending: true });
    logRequest(envelope, response, startedAt, result.outcome.kind);
    return envelopeOf(response);
  } catch (error) {
    log('error', 'request.failed', errorFields(error));
    logRequest(envelope, {}, startedAt, 'error');
    return envelopeOf({});
  }
}
