import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { renderSsml } from '../core/speech.js';
import type { Turn } from '../core/turn.js';

/** Turns a core Turn into an Alexa response: SSML speech, reprompt, and the session flag. */
export function renderTurn(input: HandlerInput, turn: Turn): Response {
  const builder = input.responseBuilder.speak(renderSsml(turn.speech));
  if (!turn.end && turn.reprompt) builder.reprompt(renderSsml(turn.reprompt));
  return builder.withShouldEndSession(turn.end).getResponse();
}
