import type { RequestHandler } from 'ask-sdk-core';
import { voiceFor } from '../alexa/i18n.js';
import { renderTurn } from '../alexa/render.js';
import { isIntent } from '../alexa/request.js';
import { readState } from '../alexa/session.js';
import { fallbackTurn, helpTurn } from '../core/turn.js';

/** Help that depends on where the user is: idle, in a routine, paused, or asked a question. */
export const helpHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
  handle: (input) => renderTurn(input, helpTurn(voiceFor(input.requestEnvelope.request.locale), readState(input))),
};

/** Out-of-domain speech; keeps the routine and says what works here. */
export const fallbackHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.FallbackIntent'),
  handle: (input) => renderTurn(input, fallbackTurn(voiceFor(input.requestEnvelope.request.locale), readState(input))),
};
