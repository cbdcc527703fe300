import type { RequestHandler } from 'ask-sdk-core';
import { voiceFor } from '../alexa/i18n.js';
import { log } from '../alexa/log.js';
import { renderTurn } from '../alexa/render.js';
import { isIntent, isType } from '../alexa/request.js';
import { applyEvent } from '../alexa/session.js';
import { outcomeTurn } from '../core/turn.js';

/** Stop, cancel and home: goodbye, with the routine's place kept. */
export const stopHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle(input) {
    const { state, outcome } = applyEvent(input, { type: 'stop' });
    return renderTurn(input, outcomeTurn(voiceFor(input.requestEnvelope.request.locale), outcome, state));
  },
};

/** The session closed (silence, "exit", or an error). No speech is allowed; progress is kept and saved. */
export const sessionEndedHandler: RequestHandler = {
  canHandle: (input) => isType(input, 'SessionEndedRequest'),
  handle(input) {
    const request = input.requestEnvelope.request;
    if (request.type === 'SessionEndedRequest') {
      const fields = { reason: request.reason, ...(request.error ? { errorType: request.error.type } : {}) };
      log(request.reason === 'ERROR' ? 'warn' : 'info', 'session.ended', fields);
    }
    applyEvent(input, { type: 'stop' });
    return input.responseBuilder.getResponse();
  },
};
