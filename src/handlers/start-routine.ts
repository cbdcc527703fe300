import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { voiceFor } from '../alexa/i18n.js';
import { log } from '../alexa/log.js';
import { renderTurn } from '../alexa/render.js';
import { isIntent, readSlot, slotId } from '../alexa/request.js';
import { respond } from '../alexa/session.js';
import { ROUTINE_IDS, type RoutineId } from '../core/content/types.js';
import { routineListTurn, unknownRoutineTurn } from '../core/turn.js';

/** Intents that name their routine, for name-free launch ("Alexa, start ankle routine"). */
const FIXED: Readonly<Record<string, RoutineId>> = {
  StartAnkleRoutineIntent: 'ankle',
  StartHeelRoutineIntent: 'heel',
};

const start = (input: HandlerInput, routineId: RoutineId) => respond(input, { type: 'start', routineId });

/** "Start the ankle routine" (also one-shot), with an unknown or missing routine handled. */
export const startRoutineHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'StartRoutineIntent', ...Object.keys(FIXED)),
  handle(input) {
    const request = input.requestEnvelope.request;
    const fixed = request.type === 'IntentRequest' ? FIXED[request.intent.name] : undefined;
    if (fixed) return start(input, fixed);
    const reading = readSlot(input, 'routine');
    const routineId = slotId(reading, ROUTINE_IDS);
    if (routineId) return start(input, routineId);
    const voice = voiceFor(request.locale);
    log('info', 'slot.unresolved', { slot: 'routine', status: reading.status });
    return renderTurn(input, reading.status === 'missing' ? routineListTurn(voice, ROUTINE_IDS) : unknownRoutineTurn(voice, ROUTINE_IDS));
  },
};

/** "What routines are there?" */
export const listRoutinesHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'ListRoutinesIntent'),
  handle: (input) => renderTurn(input, routineListTurn(voiceFor(input.requestEnvelope.request.locale), ROUTINE_IDS)),
};
