import type { SkillHandler } from './handler.js';
import { answer, speak } from '../alexa/answer.js';
import { contextOf } from '../alexa/context.js';
import { deletePersistedState } from '../alexa/persistence-sync.js';
import { forIntents, isIntent } from '../alexa/request.js';
import { messageTurn } from '../core/turn.js';

/** "Reset my settings": preferences back to standard, the pregnancy question asked again. */
export const resetSettingsHandler: SkillHandler = {
  canHandle: forIntents('ResetSettingsIntent'),
  handle: (input) => answer(input, { type: 'resetSettings' }),
};

/** "Delete my data": asks for confirmation first. */
export const deleteDataHandler: SkillHandler = {
  canHandle: forIntents('DeleteDataIntent'),
  handle: (input) => answer(input, { type: 'askDelete' }),
};

/** "Yes" to "shall I erase everything?": the record is erased here, then the state. */
export const confirmDeleteHandler: SkillHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent') && contextOf(input).state.pending?.question === 'deleteData',
  async handle(input) {
    const ctx = contextOf(input);
    if (ctx.storeEnabled && !(await deletePersistedState(input))) return speak(input, messageTurn(ctx.voice, 'common:deleteFailed'), 'deleteFailed');
    return answer(input, { type: 'deleted' });
  },
};
