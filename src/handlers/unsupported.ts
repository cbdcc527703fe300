import type { SkillHandler } from './handler.js';
import { getRequestType } from '../alexa/sdk.js';
import { speak } from '../alexa/answer.js';
import { contextOf } from '../alexa/context.js';
import { log } from '../alexa/log.js';
import { messageTurn } from '../core/turn.js';

/** Any other request type (Connections.Response, an IntentRequest without an intent, …): a clear answer. */
export const unsupportedHandler: SkillHandler = {
  canHandle: () => true,
  handle(input) {
    log('info', 'request.unsupported', { requestType: getRequestType(input.requestEnvelope) });
    return speak(input, messageTurn(contextOf(input).voice, 'common:unsupported'), 'unsupported');
  },
};
