/**
 * What the skill answers to a CanFulfillIntentRequest: a pure decision from the intent's name and its slots
 * as Alexa filled them (no state, no store, no speech).
 *
 * Amazon's rules (https://developer.amazon.com/en-US/docs/alexa/custom-skills/implement-canfulfillintentrequest-for-name-free-interaction.html):
 * the skill says whether it can understand AND fulfil the request with the slots it was given; YES only when it can
 * do both for every slot, MAYBE when it understands the request but may not be able to do all of it, NO otherwise;
 * and answering must have no observable effect. A YES makes Alexa send the request to this skill instead of
 * another, so YES is kept for what the skill itself does: start one of its routines, say where one of its points is,
 * what it is used for, how a technique goes.
 *
 * Everything else is NO:
 * - generic requests ("what can I do", "continue", "help", "next"): the skill cannot know it is the one meant,
 *   and "continue" depends on saved progress that a CanFulfill request must not read;
 * - symptoms and conditions ("my back hurts", "heel pain", "anxiety", "stress"): bidding for them with a
 *   self-care routine would read as a treatment claim, which Amazon's Health policy rules out
 *   (https://developer.amazon.com/en-US/docs/alexa/custom-skills/policy-requirements-for-an-alexa-skill.html, "Health");
 * - every in-session answer (pain, pregnancy, preferences, erasing data): meaningful only inside a routine or a question.
 */
import type { canfulfill } from 'ask-sdk-model';
import { readRawSlot } from './request.js';

type Answer = canfulfill.CanFulfillIntentValues;

/** A slot as Alexa sends it in a CanFulfillIntentRequest (value and entity resolutions). */
export type CanFulfillSlotInput = Parameters<typeof readRawSlot>[0];

/** The intents name-free routing may bring to this skill, and the slot each one needs resolved. */
const OWN_INTENTS: Readonly<Record<string, { readonly slot?: string; readonly unresolved: Answer }>> = {
  StartAnkleRoutineIntent: { unresolved: 'NO' },
  StartHeelRoutineIntent: { unresolved: 'NO' },
  // A routine the model does not know is not one the skill has.
  StartRoutineIntent: { slot: 'routine', unresolved: 'NO' },
  // A point or technique name the model did not resolve may still be found by the skill's own search (codes, pinyin).
  WherePointIntent: { slot: 'point', unresolved: 'MAYBE' },
  PointBenefitIntent: { slot: 'point', unresolved: 'MAYBE' },
  TechniqueIntent: { slot: 'technique', unresolved: 'MAYBE' },
};

/**
 * Routine names a user might say that name a condition or a symptom rather than a routine: the model keeps
 * them as synonyms so that, inside the skill, "the one for stress" still finds the calming massage; by name-free
 * routing they get NO. Recognition words in the four languages, never spoken by the skill.
 */
const CONDITION = /anxi|stress|angst|unruhe|ansiedad|estr[eé]s|pain|ache|\bsore\b|hurt|schmerz|\bweh\b|dolor|\bduel|douleur|\bmal\b/iu;

/** True when a spoken routine name is a condition or a symptom ("anxiety", "Rückenschmerzen", "estrés"). */
export const namesACondition = (spoken: string): boolean => CONDITION.test(spoken);

/** The canFulfillIntent object for a CanFulfillIntentRequest with this intent and these slots. */
export function canFulfillIntent(intentName: string, slots: Readonly<Record<string, CanFulfillSlotInput>> = {}): canfulfill.CanFulfillIntent {
  const own = OWN_INTENTS[intentName];
  const slotAnswers: Record<string, canfulfill.CanFulfillSlot> = {};
  let canFulfill: Answer = own ? 'YES' : 'NO';
  const lower = (answer: Answer) => {
    if (answer === 'NO' || (answer === 'MAYBE' && canFulfill === 'YES')) canFulfill = answer;
  };
  for (const [name, slot] of Object.entries(slots)) {
    const reading = readRawSlot(slot);
    if (reading.status === 'missing') continue; // Alexa lists a slot it did not fill with no value
    const spoken = typeof slot?.value === 'string' ? slot.value : '';
    if (reading.status === 'noMatch') {
      slotAnswers[name] = { canUnderstand: 'MAYBE', canFulfill: 'NO' };
      if (own && name === own.slot) lower(own.unresolved);
    } else if (intentName === 'StartRoutineIntent' && name === 'routine' && namesACondition(spoken)) {
      slotAnswers[name] = { canUnderstand: 'YES', canFulfill: 'NO' };
      lower('NO');
    } else {
      slotAnswers[name] = { canUnderstand: 'YES', canFulfill: own ? 'YES' : 'NO' };
    }
  }
  // The intent needs its slot: "start", "where is it" alone are generic.
  if (own?.slot && readRawSlot(slots[own.slot]).status === 'missing') lower('NO');
  return { canFulfill, slots: slotAnswers };
}
