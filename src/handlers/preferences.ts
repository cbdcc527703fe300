import type { RequestHandler } from 'ask-sdk-core';
import { voiceFor } from '../alexa/i18n.js';
import { renderTurn } from '../alexa/render.js';
import { isIntent, readSlot, slotId } from '../alexa/request.js';
import { respond } from '../alexa/session.js';
import { HOLD_LENGTHS } from '../core/content/types.js';
import type { Preferences } from '../core/timeline.js';
import { messageTurn } from '../core/turn.js';

const TOGGLES = ['on', 'off'] as const;

/** "Make the holds longer", "turn off the chimes", "turn the countdown on". */
export const preferencesHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'SetHoldLengthIntent', 'SetSoundsIntent', 'SetCountdownIntent'),
  handle(input) {
    const voice = voiceFor(input.requestEnvelope.request.locale);
    let prefs: Partial<Preferences> | undefined;
    if (isIntent(input, 'SetHoldLengthIntent')) {
      const holdLength = slotId(readSlot(input, 'holdLength'), HOLD_LENGTHS);
      if (holdLength) prefs = { holdLength };
    } else {
      const toggle = slotId(readSlot(input, 'toggle'), TOGGLES);
      if (toggle) prefs = isIntent(input, 'SetSoundsIntent') ? { chimes: toggle === 'on' } : { countdown: toggle === 'on' };
    }
    if (!prefs) return renderTurn(input, messageTurn(voice, 'common:prefs.unknown', 'common:prefs.reprompt'));
    return respond(input, { type: 'setPrefs', prefs });
  },
};
