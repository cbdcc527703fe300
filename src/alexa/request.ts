/**
 * Reading Alexa's request envelope: its type, intent, slots (through entity resolution), the clock, the device
 * and the session, tolerant of any shape a malformed or hostile request may have.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { isObject } from '../core/state-parse.js';

type Loose = Record<string, unknown> | undefined;
/** An object's fields, or undefined for anything else: the one way to walk an envelope of unknown shape. */
export const obj = (v: unknown): Loose => (isObject(v) ? v : undefined);

/** The request's type; '' when there is none. */
export const requestTypeOf = (envelope: RequestEnvelope): string => {
  const type = obj(envelope.request)?.type;
  return typeof type === 'string' ? type : '';
};

/** The intent's name; '' for an IntentRequest without an intent, and for any other request. */
export function intentNameIn(envelope: RequestEnvelope): string {
  const name = obj(obj(envelope.request)?.intent)?.name;
  return typeof name === 'string' ? name : '';
}

/**
 * Request types Alexa sends without a session (Amazon's documented examples): no state, no store, no speech.
 * The one list of them: the turn function and the tools' envelopes use it.
 */
export function isSessionlessType(type: string): boolean {
  return type === 'CanFulfillIntentRequest' || type === 'System.ExceptionEncountered' || isPlayerRequestType(type);
}

/** AudioPlayer and PlaybackController requests: sessionless reports about the device's player. */
export const isPlayerRequestType = (type: string): boolean => type.startsWith('AudioPlayer.') || type.startsWith('PlaybackController.');

/** The device's `supportedInterfaces` (APL, AudioPlayer, …); undefined when the request has none. */
export const supportedInterfacesOf = (envelope: RequestEnvelope): Loose => obj(obj(obj(obj(envelope.context)?.System)?.device)?.supportedInterfaces);

export const isSessionless = (envelope: RequestEnvelope): boolean => !envelope.session || isSessionlessType(requestTypeOf(envelope));

/** The device shows APL (`supportedInterfaces` includes Alexa.Presentation.APL). */
export function hasScreen(envelope: RequestEnvelope): boolean {
  return Boolean(supportedInterfacesOf(envelope)?.['Alexa.Presentation.APL']);
}

/** The skill id the request was sent to. */
export function applicationIdOf(envelope: RequestEnvelope): string | undefined {
  const fromContext = obj(obj(obj(envelope.context)?.System)?.application)?.applicationId;
  const fromSession = obj(obj(envelope.session)?.application)?.applicationId;
  const id = fromContext ?? fromSession;
  return typeof id === 'string' ? id : undefined;
}

/** `request.timestamp` in epoch ms; NaN when absent or unreadable. */
export const timestampOf = (envelope: RequestEnvelope): number => Date.parse(String(obj(envelope.request)?.timestamp ?? ''));

/** The request's locale as Alexa sent it; undefined when absent or not a string. */
export function localeOf(envelope: RequestEnvelope): string | undefined {
  const locale = obj(envelope.request)?.locale;
  return typeof locale === 'string' ? locale : undefined;
}

/** The request's id, for the store's logs; undefined when absent. */
export function requestIdOf(envelope: RequestEnvelope): string | undefined {
  const id = obj(envelope.request)?.requestId;
  return typeof id === 'string' ? id : undefined;
}

export type SlotReading =
  | { readonly status: 'match'; readonly id: string }
  | { readonly status: 'noMatch'; readonly heard: string }
  | { readonly status: 'missing' };

interface RawSlot { readonly value?: unknown; readonly resolutions?: { readonly resolutionsPerAuthority?: readonly { readonly status?: { readonly code?: string }; readonly values?: readonly { readonly value?: { readonly id?: unknown } }[] }[] } }

/**
 * Reads a slot as Alexa filled it (an IntentRequest's or a CanFulfillIntentRequest's), through entity
 * resolution: only an ER_SUCCESS_MATCH yields an id; the heard words are kept for matching, never for speaking.
 */
export function readRawSlot(slot: RawSlot | null | undefined): SlotReading {
  const heard = typeof slot?.value === 'string' ? slot.value.trim() : '';
  if (!heard) return { status: 'missing' };
  const authorities = slot?.resolutions?.resolutionsPerAuthority;
  for (const authority of Array.isArray(authorities) ? authorities : []) {
    const id = authority?.values?.[0]?.value?.id;
    if (authority?.status?.code === 'ER_SUCCESS_MATCH' && typeof id === 'string') return { status: 'match', id };
  }
  return { status: 'noMatch', heard: heard.slice(0, 200) };
}

/** The request's slots as Alexa sent them (an IntentRequest's or a CanFulfillIntentRequest's), by name. */
export function slotsOf(envelope: RequestEnvelope): Readonly<Record<string, RawSlot>> {
  const slots = obj(obj(obj(envelope.request)?.intent)?.slots);
  return Object.fromEntries(Object.entries(slots ?? {}).filter((e): e is [string, RawSlot] => obj(e[1]) !== undefined));
}

/** Reads a custom slot of the request's intent. */
export function readSlot(envelope: RequestEnvelope, name: string): SlotReading {
  const slots = slotsOf(envelope);
  return readRawSlot(Object.hasOwn(slots, name) ? slots[name] : undefined);
}

/** Narrows a slot id to a domain id. */
export function slotId<T extends string>(reading: SlotReading, ids: readonly T[]): T | undefined {
  return reading.status === 'match' && (ids as readonly string[]).includes(reading.id) ? (reading.id as T) : undefined;
}

/** The arguments of an APL UserEvent. */
export function userEventArgs(envelope: RequestEnvelope): readonly unknown[] {
  const args = obj(envelope.request)?.arguments;
  return Array.isArray(args) ? args : [];
}
