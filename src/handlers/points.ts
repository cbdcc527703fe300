import type { RequestHandler } from 'ask-sdk-core';
import { voiceFor } from '../alexa/i18n.js';
import { log } from '../alexa/log.js';
import { renderTurn } from '../alexa/render.js';
import { isIntent, readSlot, slotId } from '../alexa/request.js';
import { readState } from '../alexa/session.js';
import { findPoint, suggestPoints } from '../core/content/point-search.js';
import { POINT_IDS } from '../core/content/types.js';
import { pointTurn, unknownPointTurn } from '../core/turn.js';

/** "Where is the Calm Sleep point?" and "What is K I 6 good for?" by code, pinyin or English name. */
export const pointHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'WherePointIntent', 'PointBenefitIntent'),
  handle(input) {
    const voice = voiceFor(input.requestEnvelope.request.locale);
    const reading = readSlot(input, 'point');
    const id = slotId(reading, POINT_IDS) ?? (reading.status === 'noMatch' ? findPoint(reading.heard) : undefined);
    if (id) {
      const kind = isIntent(input, 'PointBenefitIntent') ? 'helps' : 'where';
      return renderTurn(input, pointTurn(voice, kind, id, readState(input)));
    }
    log('info', 'slot.unresolved', { slot: 'point', status: reading.status });
    const suggestions = reading.status === 'noMatch' ? suggestPoints(reading.heard) : [];
    return renderTurn(input, unknownPointTurn(voice, suggestions, reading.status === 'missing'));
  },
};
