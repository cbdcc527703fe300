/**
 * Request envelopes as Alexa sends them, for tests, the simulator and the benchmark.
 * Slot values are resolved against the real interaction model of the request's locale (entity
 * resolution by value or synonym). Timestamps are ISO 8601 to the second, as in Amazon's examples, and
 * sessionless request types (CanFulfill, AudioPlayer, PlaybackController, System) carry no `session`.
 */
import { randomUUID } from 'node:crypto';
import type { Intent, RequestEnvelope, Slot } from 'ask-sdk-model';
import { isSessionlessType } from '../src/alexa/request.js';
import { modelOf } from './models.js';

export const TEST_SKILL_ID = 'amzn1.ask.skill.00000000-0000-4000-8000-000000000000';
export const TEST_USER_ID = 'amzn1.ask.account.TESTUSER';

export interface EnvelopeOptions {
  readonly sessionAttributes?: Record<string, unknown>;
  readonly newSession?: boolean;
  readonly locale?: string;
  readonly skillId?: string;
  readonly userId?: string;
  readonly sessionId?: string;
  /** Adds Alexa.Presentation.APL to the device's supported interfaces (an Echo Show). */
  readonly screen?: boolean;
  /** When the request is made, in epoch ms. @default Date.now() */
  readonly timestampMs?: number;
  /** Adds AudioPlayer to the device's supported interfaces (an Echo Dot, a speaker). */
  readonly audioPlayer?: boolean;
  /** `context.AudioPlayer` as the device reports it (every request from a device whose player has played our stream). */
  readonly player?: PlayerContext;
}

/** What a device's AudioPlayer reports in `context.AudioPlayer`. */
export interface PlayerContext {
  readonly token: string;
  readonly offsetInMilliseconds: number;
  readonly playerActivity: 'IDLE' | 'PAUSED' | 'PLAYING' | 'BUFFER_UNDERRUN' | 'FINISHED' | 'STOPPED';
}

/** A slot given by what the user said (resolved against the model), or with an explicit resolution. */
export type SlotInput = string | { readonly value: string; readonly id?: string; readonly noMatch?: boolean };

/** Amazon's request timestamps: ISO 8601, whole seconds. */
export const alexaTimestamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');


const languageModel = (locale: string | undefined) => modelOf(locale ?? 'en-US').interactionModel.languageModel;

/** The slot type of an intent's slot in the model. */
export function slotTypeOf(intentName: string, slotName: string, locale?: string): string | undefined {
  return languageModel(locale).intents.find((i) => i.name === intentName)?.slots?.find((s) => s.name === slotName)?.type;
}

const fold = (s: string) => s.trim().toLocaleLowerCase();

/** Entity resolution as Alexa does it for a custom type: exact value or synonym, case-insensitive. */
export function resolveValue(typeName: string, said: string, locale?: string): { id: string; name: string } | undefined {
  const type = languageModel(locale).types.find((t) => t.name === typeName);
  const wanted = fold(said);
  const hit = type?.values.find((v) => fold(v.name.value) === wanted || (v.name.synonyms ?? []).some((s) => fold(s) === wanted));
  return hit ? { id: hit.id, name: hit.name.value } : undefined;
}

function slot(intentName: string, name: string, input: SlotInput | undefined, locale: string | undefined): Slot {
  if (input === undefined) return { name, confirmationStatus: 'NONE' } as Slot;
  const value = typeof input === 'string' ? input : input.value;
  const type = slotTypeOf(intentName, name, locale) ?? 'Unknown';
  const authority = `amzn1.er-authority.echo-sdk.${TEST_SKILL_ID}.${type}`;
  const resolved = typeof input === 'string' ? resolveValue(type, value, locale)
    : input.noMatch ? undefined : input.id ? { id: input.id, name: value } : resolveValue(type, value, locale);
  return {
    name, value, confirmationStatus: 'NONE', source: 'USER',
    resolutions: {
      resolutionsPerAuthority: [resolved
        ? { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: resolved.id, name: resolved.name } }] }
        : { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } }],
    },
  } as Slot;
}

function envelope(request: Record<string, unknown>, opts: EnvelopeOptions = {}): RequestEnvelope {
  const skillId = opts.skillId ?? TEST_SKILL_ID;
  const userId = opts.userId ?? TEST_USER_ID;
  const application = { applicationId: skillId };
  const user = { userId };
  const supportedInterfaces: Record<string, unknown> = {
    ...(opts.audioPlayer ? { AudioPlayer: {} } : {}),
    ...(opts.screen ? { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } } } : {}),
  };
  const sessionless = isSessionlessType(String(request.type));
  return {
    version: '1.0',
    ...(sessionless ? {} : {
      session: {
        new: opts.newSession ?? false,
        sessionId: opts.sessionId ?? `amzn1.echo-api.session.${randomUUID()}`,
        application, user,
        attributes: opts.sessionAttributes ?? {},
      },
    }),
    context: {
      System: {
        application, user,
        device: { deviceId: 'amzn1.ask.device.TESTDEVICE', supportedInterfaces },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'test-token',
      },
      ...(opts.player ? { AudioPlayer: { ...opts.player } } : {}),
      ...(opts.screen ? { Viewport: { shape: 'RECTANGLE', pixelWidth: 1280, pixelHeight: 800, dpi: 160, currentPixelWidth: 1280, currentPixelHeight: 800 } } : {}),
    },
    request: {
      requestId: `amzn1.echo-api.request.${randomUUID()}`,
      timestamp: alexaTimestamp(opts.timestampMs ?? Date.now()),
      locale: opts.locale ?? 'en-US',
      ...request,
    },
  } as unknown as RequestEnvelope;
}

export function launchRequest(opts: EnvelopeOptions = {}): RequestEnvelope {
  return envelope({ type: 'LaunchRequest' }, { newSession: true, ...opts });
}

/** An IntentRequest; every slot the model declares for the intent is present, filled or not. */
export function intentRequest(name: string, slots: Record<string, SlotInput> = {}, opts: EnvelopeOptions = {}): RequestEnvelope {
  const declared = languageModel(opts.locale).intents.find((i) => i.name === name)?.slots?.map((s) => s.name) ?? [];
  const names = [...new Set([...declared, ...Object.keys(slots)])];
  const intent: Intent = { name, confirmationStatus: 'NONE', ...(names.length ? { slots: Object.fromEntries(names.map((n) => [n, slot(name, n, slots[n], opts.locale)])) } : {}) };
  // No dialogState: Alexa sends one only for intents with a dialog model, and this model has none.
  return envelope({ type: 'IntentRequest', intent }, opts);
}

export function sessionEndedRequest(reason: 'USER_INITIATED' | 'ERROR' | 'EXCEEDED_MAX_REPROMPTS', opts: EnvelopeOptions = {},
  error?: { type: string; message: string }): RequestEnvelope {
  return envelope({ type: 'SessionEndedRequest', reason, ...(error ? { error } : {}) }, opts);
}

/** Any other request type (AudioPlayer.*, PlaybackController.*, CanFulfillIntentRequest, APL UserEvent, …). */
export function rawRequest(type: string, fields: Record<string, unknown> = {}, opts: EnvelopeOptions = {}): RequestEnvelope {
  return envelope({ type, ...fields }, opts);
}

/**
 * An AudioPlayer report as Amazon documents it (audioplayer-interface-reference.html): no session, the stream's
 * token and offset in the request and in `context.AudioPlayer`; PlaybackFailed also names an error.
 */
export function audioPlayerRequest(type: `AudioPlayer.${string}`, token: string, offsetInMilliseconds: number, opts: EnvelopeOptions = {}): RequestEnvelope {
  const activity: PlayerContext['playerActivity'] = type === 'AudioPlayer.PlaybackStopped' ? 'STOPPED' : type === 'AudioPlayer.PlaybackFinished' ? 'FINISHED' : 'PLAYING';
  const failed = type === 'AudioPlayer.PlaybackFailed'
    ? { error: { type: 'MEDIA_ERROR_SERVICE_UNAVAILABLE', message: 'the stream could not be fetched' }, currentPlaybackState: { token, offsetInMilliseconds, playerActivity: 'PLAYING' } } : {};
  return envelope({ type, token, offsetInMilliseconds, ...failed }, { audioPlayer: true, player: { token, offsetInMilliseconds, playerActivity: activity }, ...opts });
}

/**
 * A CanFulfillIntentRequest as Amazon documents it: no session, the intent with slots resolved against the model.
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/implement-canfulfillintentrequest-for-name-free-interaction.html)
 */
export function canFulfillRequest(name: string, slots: Record<string, SlotInput> = {}, opts: EnvelopeOptions = {}): RequestEnvelope {
  const intent = (intentRequest(name, slots, opts).request as { intent: Intent }).intent;
  return envelope({ type: 'CanFulfillIntentRequest', intent }, opts);
}
