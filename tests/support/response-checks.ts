import { check } from 'ssml-check-core';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { expect } from 'vitest';
import { MAX_AUDIO_TAGS, MAX_BREAK_MS, MAX_RESPONSE_AUDIO_MS, MAX_SSML_CHARS } from '../../src/core/limits.js';
import { estimateTextMs, speechRateFor } from '../../src/core/speech.js';
import { CUE_CHIME } from '../../src/core/sounds.js';

/** Estimated duration of an SSML string: words at the locale's rate, plus breaks and chimes. */
export function estimateSsmlMs(ssml: string, locale = 'en-US'): number {
  const rate = speechRateFor(locale);
  let ms = 0;
  for (const m of ssml.matchAll(/<break time="(\d+)(ms|s)"\/>/g)) ms += Number(m[1]) * (m[2] === 's' ? 1000 : 1);
  ms += (ssml.match(/<audio /g) ?? []).length * CUE_CHIME.ms;
  const words = ssml.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, "'");
  return ms + estimateTextMs(words, rate);
}

/** Every SSML string a response carries must pass a real validator and the platform limits. */
export async function expectValidSsml(ssml: string): Promise<void> {
  expect(ssml.startsWith('<speak>') && ssml.endsWith('</speak>'), ssml.slice(0, 80)).toBe(true);
  expect(ssml.length).toBeLessThan(MAX_SSML_CHARS);
  const errors = await check(ssml, { platform: 'amazon' });
  expect(errors, `${JSON.stringify(errors)} in ${ssml.slice(0, 200)}`).toBeUndefined();
  for (const m of ssml.matchAll(/<break time="(\d+)(ms|s)"\/>/g)) {
    expect(Number(m[1]) * (m[2] === 's' ? 1000 : 1)).toBeLessThanOrEqual(MAX_BREAK_MS);
  }
  expect((ssml.match(/<audio /g) ?? []).length).toBeLessThanOrEqual(MAX_AUDIO_TAGS);
  expect(estimateSsmlMs(ssml)).toBeLessThanOrEqual(MAX_RESPONSE_AUDIO_MS);
}

const ssmlOf = (speech: unknown): string | undefined =>
  speech && typeof speech === 'object' && 'ssml' in speech ? String((speech as { ssml: string }).ssml) : undefined;

/**
 * The checks every response in every test must pass:
 * valid SSML within limits, a reprompt whenever the session stays open, and speech unless the
 * request type forbids it.
 */
export async function expectValidResponse(envelope: ResponseEnvelope, opts: { silent?: boolean } = {}): Promise<void> {
  expect(envelope.version).toBe('1.0');
  const response = envelope.response;
  const speech = ssmlOf(response.outputSpeech);
  const reprompt = ssmlOf(response.reprompt?.outputSpeech);
  if (opts.silent) {
    expect(speech).toBeUndefined();
    return;
  }
  expect(speech, 'a response that speaks').toBeDefined();
  await expectValidSsml(speech as string);
  if (response.shouldEndSession === false) {
    expect(reprompt, 'an open session carries a reprompt').toBeDefined();
    await expectValidSsml(reprompt as string);
  } else {
    expect(response.shouldEndSession).toBe(true);
  }
}

/** Speech text with tags removed, for assertions on words. */
export function spoken(envelope: ResponseEnvelope): string {
  const ssml = ssmlOf(envelope.response.outputSpeech) ?? '';
  return ssml.replace(/<[^>]+>/g, ' ').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}
