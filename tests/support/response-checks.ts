import { check } from 'ssml-check-core';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { expect } from 'vitest';
import { MAX_AUDIO_TAGS, MAX_BREAK_MS, MAX_RESPONSE_AUDIO_MS, MAX_SSML_CHARS } from '../../src/core/limits.js';
import { audioTagsOf, breaksOf, estimateSsmlMs, ssmlOf, stripSsml } from '../../tools/ssml.js';

/** Words that make an open microphone's speech an instruction, per language (a question mark also does). */
const INSTRUCTION: Readonly<Record<string, RegExp>> = {
  en: /\b(say|name|ask)\b/i,
  de: /(^|\s)(sag|sage|nenn|nenne|frag|frage)\b/iu,
  es: /(^|\s|¿)(di|dime|pregunta|pregúntame|elige|nombra)(\s|:|,|\.|$)/iu,
  fr: /(^|\s)(dites|dis|demandez|demande|nommez)(\s|:|,|\.|-|$)/iu,
};

/** Every SSML string a response carries must pass a real validator and the platform limits. */
export async function expectValidSsml(ssml: string, locale = 'en-US'): Promise<void> {
  expect(ssml.startsWith('<speak>') && ssml.endsWith('</speak>'), ssml.slice(0, 80)).toBe(true);
  expect(ssml.length).toBeLessThan(MAX_SSML_CHARS);
  const errors = await check(ssml, { platform: 'amazon' });
  expect(errors, `${JSON.stringify(errors)} in ${ssml.slice(0, 200)}`).toBeUndefined();
  for (const ms of breaksOf(ssml)) expect(ms).toBeLessThanOrEqual(MAX_BREAK_MS);
  expect(audioTagsOf(ssml)).toBeLessThanOrEqual(MAX_AUDIO_TAGS);
  expect(estimateSsmlMs(ssml, locale)).toBeLessThanOrEqual(MAX_RESPONSE_AUDIO_MS);
}

/** An open microphone needs a spoken question or instruction in the speech itself, not only in the reprompt. */
export function asksSomething(ssml: string, locale = 'en-US'): boolean {
  const text = stripSsml(ssml);
  return text.includes('?') || (INSTRUCTION[locale.split('-')[0] as string] ?? (INSTRUCTION.en as RegExp)).test(text);
}

/**
 * The checks every response in every test must pass: valid SSML within limits; a reprompt and a spoken
 * question or instruction whenever the microphone opens; speech unless the request type forbids it; and
 * a screen's open session (shouldEndSession undefined) only with an APL document on the screen.
 */
export async function expectValidResponse(envelope: ResponseEnvelope, opts: { silent?: boolean; quiet?: boolean; locale?: string } = {}): Promise<void> {
  expect(envelope.version).toBe('1.0');
  const response = envelope.response;
  const speech = ssmlOf(response.outputSpeech);
  const reprompt = ssmlOf(response.reprompt?.outputSpeech);
  const player = (response.directives ?? []).filter((d) => d.type.startsWith('AudioPlayer.'));
  if (opts.quiet && speech === undefined && !player.length) {
    // A stale screen event: nothing at all, so the session and the microphone stay as the last answer left them.
    // (A touch that moves a stream on, "next" while a step plays, is the player's own action: checked below.)
    expect(response).toEqual({});
    return;
  }
  // One AudioPlayer directive at most; a Play in answer to an utterance ends the session (a report has none to end)
  // (https://developer.amazon.com/en-US/docs/alexa/custom-skills/audioplayer-interface-reference.html).
  expect(player.length, 'one AudioPlayer directive at most').toBeLessThanOrEqual(1);
  if (!opts.silent && player.some((d) => d.type === 'AudioPlayer.Play')) expect(response.shouldEndSession, 'a Play ends the session').toBe(true);
  if (opts.silent) {
    expect(speech).toBeUndefined();
    expect(response.reprompt).toBeUndefined();
    // AudioPlayer and PlaybackController requests may be answered with AudioPlayer directives only: no card either.
    expect(response.card).toBeUndefined();
    expect((response.directives ?? []).every((d) => d.type.startsWith('AudioPlayer.')), 'only AudioPlayer directives').toBe(true);
    return;
  }
  if (speech === undefined && player.length) {
    // Pause, resume, next while a stream plays: the player's own action, without a word, as for music.
    expect(response.reprompt).toBeUndefined();
    expect(response.shouldEndSession).toBe(true);
    return;
  }
  expect(speech, 'a response that speaks').toBeDefined();
  await expectValidSsml(speech as string, opts.locale);
  if (response.shouldEndSession === false) {
    expect(reprompt, 'an open session carries a reprompt').toBeDefined();
    await expectValidSsml(reprompt as string, opts.locale);
    expect(asksSomething(speech as string, opts.locale), `the speech asks or instructs: ${stripSsml(speech as string).slice(-160)}`).toBe(true);
  } else if (response.shouldEndSession === undefined) {
    expect(response.directives?.some((d) => d.type === 'Alexa.Presentation.APL.RenderDocument'), 'an open session without the microphone shows a screen').toBe(true);
    expect(reprompt).toBeUndefined();
  } else {
    expect(response.shouldEndSession).toBe(true);
  }
  expect(JSON.stringify(envelope).length, 'response size').toBeLessThan(120_000);
}

/**
 * How a request's response may be silent: `silent` must be (no session, the session's end, a device's own
 * report), `quiet` may be (a screen event for an earlier response gets an empty response).
 */
export function silenceOf(request: { session?: unknown; request: { type: string } }): { silent: boolean; quiet: boolean } {
  const type = request.request.type;
  return {
    silent: !request.session || type === 'SessionEndedRequest' || type === 'Alexa.Presentation.APL.RuntimeError',
    quiet: type === 'Alexa.Presentation.APL.UserEvent',
  };
}
