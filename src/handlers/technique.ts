import type { RequestHandler } from 'ask-sdk-core';
import { voiceFor } from '../alexa/i18n.js';
import { renderTurn } from '../alexa/render.js';
import { isIntent, readSlot, slotId } from '../alexa/request.js';
import { readState } from '../alexa/session.js';
import { TECHNIQUE_IDS } from '../core/content/types.js';
import { techniqueTurn } from '../core/turn.js';

/** "How do I do the reducing technique?" */
export const techniqueHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'TechniqueIntent'),
  handle(input) {
    const reading = readSlot(input, 'technique');
    // "How hard should I press?" names no technique: answer about pressure.
    const id = reading.status === 'missing' ? 'pressure' : slotId(reading, TECHNIQUE_IDS);
    return renderTurn(input, techniqueTurn(voiceFor(input.requestEnvelope.request.locale), id, readState(input)));
  },
};
