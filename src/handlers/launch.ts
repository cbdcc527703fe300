import type { RequestHandler } from 'ask-sdk-core';
import { voiceFor } from '../alexa/i18n.js';
import { STORE_DOWN } from '../alexa/persistence-sync.js';
import { renderTurn } from '../alexa/render.js';
import { isType } from '../alexa/request.js';
import { applyEvent, readState, respond } from '../alexa/session.js';
import { messageTurn, welcomeTurn } from '../core/turn.js';

/** "Alexa, open foot acupressure": welcome, one-time disclaimer and an offer; or offer to resume. */
export const launchHandler: RequestHandler = {
  canHandle: (input) => isType(input, 'LaunchRequest'),
  handle(input) {
    const voice = voiceFor(input.requestEnvelope.request.locale);
    const before = readState(input);
    if (before.progress) return respond(input, { type: 'offerResume' });
    applyEvent(input, { type: 'disclaimed' });
    const turn = welcomeTurn(voice, { returning: Boolean(before.disclaimed), disclaimer: !before.disclaimed });
    const storeDown = input.attributesManager.getRequestAttributes()[STORE_DOWN] === true;
    if (!storeDown) return renderTurn(input, turn);
    const notice = messageTurn(voice, 'common:storeUnavailable');
    return renderTurn(input, { ...turn, speech: [...notice.speech, ...turn.speech] });
  },
};
