import type { SkillHandler } from './handler.js';
import { getRequestType } from '../alexa/sdk.js';
import { isSessionless } from '../alexa/context.js';
import { log } from '../alexa/log.js';

/** Sessionless events that must not speak: audio playback, playback controls, system exceptions. Logged and acknowledged. */
export const silentEventHandler: SkillHandler = {
  canHandle: (input) => isSessionless(input) && getRequestType(input.requestEnvelope) !== 'CanFulfillIntentRequest',
  handle(input) {
    log('info', 'request.ignored', { requestType: getRequestType(input.requestEnvelope) });
    return input.responseBuilder.getResponse();
  },
};
