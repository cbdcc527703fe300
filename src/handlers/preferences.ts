import type { SkillHandler } from './handler.js';
import { answer, speak } from '../alexa/answer.js';
import { contextOf } from '../alexa/context.js';
import { forIntents, isIntent, readSlot, slotId } from '../alexa/request.js';
import { HOLD_LENGTHS } from '../core/content/types.js';
import { PACES, type Preferences } from '../core/timeline.js';
import { messageTurn } from '../core/turn.js';

const TOGGLES = ['on', 'off'] as const;

/** Reads the preference an intent names; undefined when its slot did not resolve. */
function prefsOf(input: Parameters<SkillHandler['handle']>[0]): Partial<Preferences> | undefined {
  if (isIntent(input, 'SetHoldLengthIntent')) {
    const holdLength = slotId(readSlot(input, 'holdLength'), HOLD_LENGTHS);
    return holdLength ? { holdLength } : undefined;
  }
  if (isIntent(input, 'SetPaceIntent')) {
    const reading = readSlot(input, 'pace');
    // "Slower", "give me more time" name no value: they mean the slow pace.
    const pace = reading.status === 'missing' ? 'slow' : slotId(reading, PACES);
    return pace ? { pace } : undefined;
  }
  const reading = readSlot(input, 'toggle');
  const toggle = isIntent(input, 'SetWaitIntent') && reading.status === 'missing' ? 'on' : slotId(reading, TOGGLES);
  if (!toggle) return undefined;
  const on = toggle === 'on';
  if (isIntent(input, 'SetSoundsIntent')) return { chimes: on };
  if (isIntent(input, 'SetCountdownIntent')) return { countdown: on };
  return { waitBetweenSteps: on };
}

/** "Make the holds longer", "turn off the chimes", "slower", "wait for me between points". */
export const preferencesHandler: SkillHandler = {
  canHandle: forIntents('SetHoldLengthIntent', 'SetSoundsIntent', 'SetCountdownIntent', 'SetPaceIntent', 'SetWaitIntent'),
  handle(input) {
    const prefs = prefsOf(input);
    if (!prefs) return speak(input, messageTurn(contextOf(input).voice, 'common:prefs.unknown', 'common:prefs.reprompt'), 'prefsUnknown');
    return answer(input, { type: 'setPrefs', prefs });
  },
};
