import type { SkillHandler } from './handler.js';
import { canFulfillIntent, type CanFulfillSlotInput } from '../alexa/can-fulfill.js';
import { contextOf } from '../alexa/context.js';
import { forTypes, intentNameOf } from '../alexa/request.js';

/** CanFulfillIntentRequest: the decision is src/alexa/can-fulfill.ts's; no speech, no state, no store. */
export const canFulfillHandler: SkillHandler = {
  canHandle: forTypes('CanFulfillIntentRequest'),
  handle(input) {
    const answer = canFulfillIntent(intentNameOf(input), (input.requestEnvelope.request as { intent?: { slots?: Record<string, CanFulfillSlotInput> } }).intent?.slots);
    contextOf(input).outcome = `canFulfill.${answer.canFulfill}`;
    return input.responseBuilder.withCanFulfillIntent(answer).getResponse();
  },
};
