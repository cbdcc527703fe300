import type { SkillHandler } from './handler.js';
import { answer } from '../alexa/answer.js';
import { forIntents, intentNameOf, readSlot } from '../alexa/request.js';
import type { RoutineId } from '../core/content/types.js';
import type { RoutineEvent } from '../core/routine-state.js';

/** The routine that suits a body area someone says hurts, before any routine has started. */
const ROUTINE_FOR_AREA: Readonly<Record<string, RoutineId>> = { heel: 'heel', ankle: 'ankle', back: 'lowBack', calf: 'heel' };

const EVENTS: Readonly<Record<string, RoutineEvent>> = {
  PainIntent: { type: 'pain' },
  SensationIntent: { type: 'tingling' },
  PregnantIntent: { type: 'pregnant' },
  NotPregnantIntent: { type: 'notPregnant' },
  ForgetChoiceIntent: { type: 'forgetChoice' },
};

/** "It hurts", "it's tingling", "I'm pregnant", "forget that": safety first, in any state. */
export const safetyHandler: SkillHandler = {
  canHandle: forIntents(...Object.keys(EVENTS)),
  handle: (input) => answer(input, EVENTS[intentNameOf(input)] ?? { type: 'pain' }),
};

/** "My heels hurt": one screening line first, then the routine that suits it, offered as a question. */
export const symptomHandler: SkillHandler = {
  canHandle: forIntents('SymptomIntent'),
  handle(input) {
    const reading = readSlot(input, 'area');
    return answer(input, { type: 'symptom', routineId: reading.status === 'match' ? ROUTINE_FOR_AREA[reading.id] : undefined });
  },
};
