import type { RequestHandler } from 'ask-sdk-core';
import { log } from '../alexa/log.js';
import { isIntent, isType } from '../alexa/request.js';
import { applyEvent, respond } from '../alexa/session.js';

/** Stop, cancel and home: goodbye, with the routine's place kept. */
export const stopHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle: (input) => respond(input, { type: 'stop' }),
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
