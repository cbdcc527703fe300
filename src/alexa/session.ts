import type { HandlerInput, ResponseInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { next, type RoutineEvent, type SkillState, type Transition } from '../core/routine-state.js';
import { parseState } from '../core/state-parse.js';
import { outcomeTurn, segmentCounter } from '../core/turn.js';
import { voiceFor } from './i18n.js';
import { renderTurn } from './render.js';

/** Session-attribute key of the routine state. */
export const STATE_KEY = 'state';

/** Reads and validates the state from session attributes; falls back to the initial state. */
export function readState(input: HandlerInput): SkillState {
  const attrs = input.attributesManager.getSessionAttributes<Record<string, unknown>>();
  return parseState(attrs?.[STATE_KEY]);
}

export function writeState(input: HandlerInput, state: SkillState): void {
  const attrs = input.attributesManager.getSessionAttributes<Record<string, unknown>>() ?? {};
  input.attributesManager.setSessionAttributes({ ...attrs, [STATE_KEY]: state });
}

/** Applies one event to the stored state through the core reducer and stores the result. */
export function applyEvent(input: HandlerInput, event: RoutineEvent): Transition {
  const voice = voiceFor(input.requestEnvelope.request.locale);
  const transition = next(readState(input), event, segmentCounter(voice));
  writeState(input, transition.state);
  return transition;
}

/** The usual handler body: apply an event through the core, then say what it produced. */
export function respond(input: HandlerInput, event: RoutineEvent): Response {
  const { state, outcome } = applyEvent(input, event);
  return renderTurn(input, outcomeTurn(voiceFor(input.requestEnvelope.request.locale), outcome, state));
}


/** Hands back only validated state: whatever a request brought in, the response carries a valid state. */
export const normaliseState: ResponseInterceptor = {
  process(input) {
    if (input.requestEnvelope.session) writeState(input, readState(input));
  },
};
