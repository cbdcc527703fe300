import type { SkillHandler } from './handler.js';
import { answer } from '../alexa/answer.js';
import { forIntents } from '../alexa/request.js';

/** Help that depends on where the user is; a pending question is asked again. */
export const helpHandler: SkillHandler = {
  canHandle: forIntents('AMAZON.HelpIntent'),
  handle: (input) => answer(input, { type: 'help' }),
};

/** Out-of-domain speech: keeps the routine, and says what works here (or asks the pending question again). */
export const fallbackHandler: SkillHandler = {
  canHandle: forIntents('AMAZON.FallbackIntent'),
  handle: (input) => answer(input, { type: 'fallback' }),
};
