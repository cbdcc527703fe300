import type { RequestHandler } from 'ask-sdk-core';
import { voiceFor } from '../alexa/i18n.js';
import { deletePersistedState } from '../alexa/persistence-sync.js';
import { renderTurn } from '../alexa/render.js';
import { isIntent } from '../alexa/request.js';
import { readState, respond } from '../alexa/session.js';
import { messageTurn } from '../core/turn.js';

/** "Reset my settings" / "I'm not pregnant anymore": preferences to standard, the safety question asked again. */
export const resetSettingsHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'ResetSettingsIntent'),
  handle: (input) => respond(input, { type: 'resetSettings' }),
};

/** "Delete my data": asks for confirmation; the yes is handled here so the record is erased. */
export const deleteDataHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'DeleteDataIntent'),
  handle: (input) => respond(input, { type: 'askDelete' }),
};

/** "Yes" to "are you sure you want to erase everything?". */
export const confirmDeleteHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent') && readState(input).pending?.question === 'deleteData',
  async handle(input) {
    const voice = voiceFor(input.requestEnvelope.request.locale);
    const enabled = input.attributesManager.getRequestAttributes().storeEnabled === true;
    if (enabled && !(await deletePersistedState(input))) {
      return renderTurn(input, messageTurn(voice, 'common:deleteFailed'));
    }
    return respond(input, { type: 'answer', yes: true });
  },
};
