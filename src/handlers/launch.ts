import type { SkillHandler } from './handler.js';
import { answer } from '../alexa/answer.js';
import { contextOf } from '../alexa/context.js';
import { forTypes } from '../alexa/request.js';

/** "Alexa, open foot acupressure": welcome and an offer, or an offer to pick up a routine where it stopped. */
export const launchHandler: SkillHandler = {
  canHandle: forTypes('LaunchRequest'),
  handle: (input) => answer(input, { type: 'launch', storeDown: contextOf(input).storeDown }),
};
