import type { SkillHandler } from './handler.js';
import { answer } from '../alexa/answer.js';
import { log } from '../alexa/log.js';
import { forIntents, isIntent, readSlot, slotId } from '../alexa/request.js';
import { findPoint, suggestPoints } from '../core/content/point-search.js';
import { POINT_IDS } from '../core/content/types.js';
import { contextOf } from '../alexa/context.js';

/** "Where is the Calm Sleep point?" and "What is K I 6 good for?" by code, local code, pinyin or name. */
export const pointHandler: SkillHandler = {
  canHandle: forIntents('WherePointIntent', 'PointBenefitIntent'),
  handle(input) {
    const ask = isIntent(input, 'PointBenefitIntent') ? 'helps' : 'where';
    const reading = readSlot(input, 'point');
    const voice = contextOf(input).voice;
    const id = slotId(reading, POINT_IDS) ?? (reading.status === 'noMatch' ? findPoint(reading.heard, voice) : undefined);
    if (id) return answer(input, { type: 'point', pointId: id, ask });
    log('info', 'slot.unresolved', { slot: 'point', status: reading.status });
    const suggestions = reading.status === 'noMatch' ? suggestPoints(reading.heard, voice) : [];
    return answer(input, { type: 'unknownPoint', suggestions, missing: reading.status === 'missing', ask });
  },
};
