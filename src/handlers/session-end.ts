import type { SkillHandler } from './handler.js';
import { answer } from '../alexa/answer.js';
import { log } from '../alexa/log.js';
import { forIntents, forTypes } from '../alexa/request.js';

/** Stop, cancel and home: goodbye, with the routine's place kept where the user stopped. */
export const stopHandler: SkillHandler = {
  canHandle: forIntents('AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent'),
  handle: (input) => answer(input, { type: 'stop' }),
};

/** The session closed (silence, "exit", or an error). No speech is allowed; the place is kept and saved. */
export const sessionEndedHandler: SkillHandler = {
  canHandle: forTypes('SessionEndedRequest'),
  handle(input) {
    const request = input.requestEnvelope.request;
    if (request.type === 'SessionEndedRequest') {
      log(request.reason === 'ERROR' ? 'warn' : 'info', 'session.ended', { reason: request.reason, ...(request.error ? { errorType: request.error.type } : {}) });
    }
    return answer(input, { type: 'sessionEnded' });
  },
};
