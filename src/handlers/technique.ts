import type { SkillHandler } from './handler.js';
import { answer } from '../alexa/answer.js';
import { forIntents, readSlot, slotId } from '../alexa/request.js';
import { TECHNIQUE_IDS } from '../core/content/types.js';

/** "How do I do the reducing technique?"; "how hard should I press?" names none and is about pressure. */
export const techniqueHandler: SkillHandler = {
  canHandle: forIntents('TechniqueIntent'),
  handle(input) {
    const reading = readSlot(input, 'technique');
    return answer(input, { type: 'technique', techniqueId: reading.status === 'missing' ? 'pressure' : slotId(reading, TECHNIQUE_IDS) });
  },
};
