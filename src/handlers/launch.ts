import type { RequestHandler } from 'ask-sdk-core';
import { answer } from '../alexa/answer.js';
import { contextOf } from '../alexa/context.js';
import { isType } from '../alexa/request.js';

/** "Alexa, open foot acupressure": welcome and an offer, or an offer to pick up a routine where it stopped. */
export const launchHandler: RequestHandler = {
  canHandle: (input) => isType(input, 'LaunchRequest'),
  handle: (input) => answer(input, { type: 'launch', storeDown: contextOf(input).storeDown }),
};
