import { getIntentName, getRequestType, getSlot, type HandlerInput } from 'ask-sdk-core';

/** True when the request is an IntentRequest for one of the names. */
export function isIntent(input: HandlerInput, ...names: readonly string[]): boolean {
  return getRequestType(input.requestEnvelope) === 'IntentRequest' && names.includes(getIntentName(input.requestEnvelope));
}

export function isType(input: HandlerInput, ...types: readonly string[]): boolean {
  return types.includes(getRequestType(input.requestEnvelope));
}

export type SlotReading =
  | { readonly status: 'match'; readonly id: string }
  | { readonly status: 'noMatch'; readonly heard: string }
  | { readonly status: 'missing' };

/**
 * Reads a custom slot through entity resolution. Only an ER_SUCCESS_MATCH yields an id;
 * the heard words are returned for matching, never for speaking.
 */
export function readSlot(input: HandlerInput, name: string): SlotReading {
  if (getRequestType(input.requestEnvelope) !== 'IntentRequest') return { status: 'missing' };
  const slot = getSlot(input.requestEnvelope, name) as ReturnType<typeof getSlot> | null;
  const heard = typeof slot?.value === 'string' ? slot.value.trim() : '';
  if (!heard) return { status: 'missing' };
  const authorities = slot?.resolutions?.resolutionsPerAuthority ?? [];
  for (const authority of authorities) {
    const id = authority.values?.[0]?.value?.id;
    if (authority.status?.code === 'ER_SUCCESS_MATCH' && typeof id === 'string') return { status: 'match', id };
  }
  return { status: 'noMatch', heard: heard.slice(0, 200) };
}

/** Narrows a slot id to a domain id. */
export function slotId<T extends string>(reading: SlotReading, ids: readonly T[]): T | undefined {
  return reading.status === 'match' && (ids as readonly string[]).includes(reading.id) ? (reading.id as T) : undefined;
}
