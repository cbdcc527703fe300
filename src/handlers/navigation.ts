import type { RequestHandler } from 'ask-sdk-core';
import { isIntent } from '../alexa/request.js';
import { respond } from '../alexa/session.js';
import type { RoutineEvent } from '../core/routine-state.js';

/** Routine navigation intents and the core event each one means. */
const EVENTS: Readonly<Record<string, RoutineEvent>> = {
  'AMAZON.NextIntent': { type: 'next' },
  'AMAZON.PreviousIntent': { type: 'previous' },
  'AMAZON.RepeatIntent': { type: 'repeat' },
  'AMAZON.PauseIntent': { type: 'pause' },
  'AMAZON.ResumeIntent': { type: 'resume' },
  ResumeRoutineIntent: { type: 'resume' },
  'AMAZON.StartOverIntent': { type: 'startOver' },
  'AMAZON.YesIntent': { type: 'answer', yes: true },
  'AMAZON.NoIntent': { type: 'answer', yes: false },
};

/** Next, back, repeat, pause, resume, start over, yes and no: at any moment, in or out of a routine. */
export const navigationHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, ...Object.keys(EVENTS)),
  handle(input) {
    const request = input.requestEnvelope.request;
    const event = request.type === 'IntentRequest' ? EVENTS[request.intent.name] : undefined;
    return respond(input, event ?? { type: 'repeat' });
  },
};
