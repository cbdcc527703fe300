import type { SkillHandler } from './handler.js';
import { answer } from '../alexa/answer.js';
import { forTypes } from '../alexa/request.js';
import type { RoutineEvent } from '../core/routine-state.js';

/** What a screen's SendEvent arguments mean: the document's own "segment done", and its touch buttons. */
const EVENTS: Readonly<Record<string, RoutineEvent>> = {
  segmentDone: { type: 'segmentDone' }, next: { type: 'next' }, pause: { type: 'pause' }, repeat: { type: 'repeat' },
};

/** Alexa.Presentation.APL.UserEvent: a screen carries the routine on hands-free, or a button was touched. */
export const aplEventHandler: SkillHandler = {
  canHandle: forTypes('Alexa.Presentation.APL.UserEvent'),
  handle(input) {
    const args = (input.requestEnvelope.request as { arguments?: unknown[] }).arguments;
    const event = typeof args?.[0] === 'string' && Object.hasOwn(EVENTS, args[0]) ? EVENTS[args[0]] : undefined;
    return answer(input, event ?? { type: 'fallback' });
  },
};
