import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Response as CoreResponse } from '../core/respond.js';
import { pointScreen, routineScreen } from '../core/screen.js';
import { renderSsml, type Speech } from '../core/speech.js';
import type { Turn } from '../core/turn.js';
import type { Voice } from '../core/voice.js';
import { executeCommands, renderDocument } from './apl.js';
import { contextOf } from './context.js';

/**
 * The SSML of a Speech at a rate, kept for as long as the Speech itself: paced segments are memoised
 * (composeSegment), so "next", "repeat" and the screens' continuation send the same words again, and
 * rendering them was the largest allocation of a warm request (docs/performance.md).
 */
const rendered = new WeakMap<Speech, Map<number, string>>();
function ssmlOf(speech: Speech, ratePercent: number): string {
  let byRate = rendered.get(speech);
  if (!byRate) rendered.set(speech, (byRate = new Map()));
  let ssml = byRate.get(ratePercent);
  if (ssml === undefined) byRate.set(ratePercent, (ssml = renderSsml(speech, { ratePercent })));
  return ssml;
}

/**
 * Turns a core Turn into an Alexa response: SSML speech (at the voice's pace), reprompt, and the session flag.
 * The voice is the request's; the error handler, which may run before the request has a context, passes its own.
 */
export function renderTurn(input: HandlerInput, turn: Turn, voice: Voice = contextOf(input).voice): Response {
  const builder = input.responseBuilder;
  if (turn.speech.length) builder.speak(ssmlOf(turn.speech, voice.ratePercent));
  if (!turn.end && turn.reprompt) builder.reprompt(ssmlOf(turn.reprompt, voice.ratePercent));
  return builder.withShouldEndSession(turn.end).getResponse();
}

/**
 * A core response with what the device can show: on screens a routine segment gets its document and
 * timed commands and keeps the session open without the microphone, so the document's SendEvent carries
 * the routine on hands-free; speakers get a card for where-is answers.
 */
export function renderResponse(input: HandlerInput, response: CoreResponse): Response {
  const ctx = contextOf(input);
  const { outcome, segment } = response;
  if (ctx.device.screen && segment && outcome.kind === 'segment') {
    const { data, events } = routineScreen(ctx.voice, outcome.routineId, response.state, segment);
    input.responseBuilder.addDirective(renderDocument('routine', data)).addDirective(executeCommands(events));
    if (!response.turn.end && segment.next) {
      // shouldEndSession left undefined with visual content: the session stays open without the microphone
      // (https://developer.amazon.com/en-US/docs/alexa/custom-skills/manage-skill-session-and-session-attributes.html).
      const rendered = renderTurn(input, { ...response.turn, reprompt: undefined });
      delete rendered.shouldEndSession;
      return rendered;
    }
  } else if (outcome.kind === 'point') {
    const screen = pointScreen(ctx.voice, outcome.pointId);
    if (ctx.device.screen) input.responseBuilder.addDirective(renderDocument('point', screen));
    else input.responseBuilder.withSimpleCard(screen.title, screen.body);
  }
  return renderTurn(input, response.turn);
}
