import type { RequestHandler } from 'ask-sdk-core';
import { answer } from '../alexa/answer.js';
import { isIntent } from '../alexa/request.js';

/** Help that depends on where the user is; a pending question is asked again. */
export const helpHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
  handle: (input) => answer(input, { type: 'help' }),
};

/** Out-of-domain speech: keeps the routine, and says what works here (or asks the pending question again). */
export const fallbackHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.FallbackIntent'),
  handle: (input) => answer(input, { type: 'fallback' }),
};
