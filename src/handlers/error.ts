import type { ErrorHandler } from 'ask-sdk-core';
import { voiceFor } from '../alexa/i18n.js';
import { errorFields, log } from '../alexa/log.js';
import { renderTurn } from '../alexa/render.js';
import { readState, writeState } from '../alexa/session.js';
import { errorTurn } from '../core/turn.js';

/** Apologises and keeps the routine: the state in the session is left as it was. */
export const errorHandler: ErrorHandler = {
  canHandle: () => true,
  handle(input, error) {
    log('error', 'request.failed', errorFields(error));
    input.attributesManager.setRequestAttributes({ ...input.attributesManager.getRequestAttributes(), outcome: 'error' });
    // Keep the routine, but never hand back state that failed validation.
    if (input.requestEnvelope.session) writeState(input, readState(input));
    return renderTurn(input, errorTurn(voiceFor(input.requestEnvelope.request?.locale)));
  },
};
