import type { SkillHandler } from './handler.js';
import { answer, speak } from '../alexa/answer.js';
import { contextOf } from '../alexa/context.js';
import { log } from '../alexa/log.js';
import { forIntents, intentNameOf, readSlot, slotId } from '../alexa/request.js';
import { ROUTINE_IDS, type RoutineId } from '../core/content/types.js';
import { routineListTurn, unknownRoutineTurn } from '../core/turn.js';

/** Intents that name their routine, for name-free launch ("Alexa, start ankle routine"). */
const FIXED: Readonly<Record<string, RoutineId>> = { StartAnkleRoutineIntent: 'ankle', StartHeelRoutineIntent: 'heel' };

/** "Start the ankle routine", "the foot soak", "a foot massage" (also one-shot), with an unknown or missing routine handled. */
export const startRoutineHandler: SkillHandler = {
  canHandle: forIntents('StartRoutineIntent', ...Object.keys(FIXED)),
  handle(input) {
    const fixed = FIXED[intentNameOf(input)];
    if (fixed) return answer(input, { type: 'start', routineId: fixed });
    const reading = readSlot(input, 'routine');
    if (reading.status === 'match' && reading.id === 'massages') return answer(input, { type: 'massages' });
    const routineId = slotId(reading, ROUTINE_IDS);
    if (routineId) return answer(input, { type: 'start', routineId });
    log('info', 'slot.unresolved', { slot: 'routine', status: reading.status });
    const voice = contextOf(input).voice;
    return speak(input, reading.status === 'missing' ? routineListTurn(voice) : unknownRoutineTurn(voice), 'routineList');
  },
};

/** "What routines are there?" */
export const listRoutinesHandler: SkillHandler = {
  canHandle: forIntents('ListRoutinesIntent'),
  handle: (input) => speak(input, routineListTurn(contextOf(input).voice), 'routineList'),
};
