import type { HandlerInput } from 'ask-sdk-core';
import { getRequestType, getSlot } from './sdk.js';
import type { RequestEnvelope } from 'ask-sdk-model';

/** The intent's name; '' for a malformed IntentRequest without an intent (ask-sdk's getIntentName would throw). */
export function intentNameIn(envelope: RequestEnvelope): string {
  const intent = (envelope.request as { intent?: { name?: unknown } } | undefined)?.intent;
  return typeof intent?.name === 'string' ? intent.name : '';
}

export const intentNameOf = (input: HandlerInput): string => intentNameIn(input.requestEnvelope);

/** True when the request is an IntentRequest for one of the names. */
export function isIntent(input: HandlerInput, ...names: readonly string[]): boolean {
  return getRequestType(input.requestEnvelope) === 'IntentRequest' && names.includes(intentNameOf(input));
}

/** A canHandle for IntentRequests of these names, the set built once (a handler's canHandle runs on every request). */
export function forIntents(...names: readonly string[]): (input: HandlerInput) => boolean {
  const set = new Set(names);
  return (input) => getRequestType(input.requestEnvelope) === 'IntentRequest' && set.has(intentNameOf(input));
}

/** A canHandle for requests of these types. */
export function forTypes(...types: readonly string[]): (input: HandlerInput) => boolean {
  const set = new Set(types);
  return (input) => set.has(getRequestType(input.requestEnvelope));
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
  for (const authority of slot?.resolutions?.resolutionsPerAuthority ?? []) {
    const id = authority.values?.[0]?.value?.id;
    if (authority.status?.code === 'ER_SUCCESS_MATCH' && typeof id === 'string') return { status: 'match', id };
  }
  return { status: 'noMatch', heard: heard.slice(0, 200) };
}

/** Reads a custom slot of the request's intent. */
export function readSlot(input: HandlerInput, name: string): SlotReading {
  if (getRequestType(input.requestEnvelope) !== 'IntentRequest' || !intentNameOf(input)) return { status: 'missing' };
  return readRawSlot(getSlot(input.requestEnvelope, name) as RawSlot | null);
}

/** Narrows a slot id to a domain id. */
export function slotId<T extends string>(reading: SlotReading, ids: readonly T[]): T | undefined {
  return reading.status === 'match' && (ids as readonly string[]).includes(reading.id) ? (reading.id as T) : undefined;
}
