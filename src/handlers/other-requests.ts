import type { RequestHandler } from 'ask-sdk-core';
import { getRequestType } from 'ask-sdk-core';
import type { canfulfill } from 'ask-sdk-model';
import { voiceFor } from '../alexa/i18n.js';
import { log } from '../alexa/log.js';
import { renderTurn } from '../alexa/render.js';
import { isType } from '../alexa/request.js';
import { messageTurn } from '../core/turn.js';

/** Intents this skill can take on without a conversation (name-free routing), by name. */
const FULFILLABLE = new Set([
  'StartRoutineIntent', 'StartAnkleRoutineIntent', 'StartHeelRoutineIntent', 'ListRoutinesIntent',
  'WherePointIntent', 'PointBenefitIntent', 'TechniqueIntent', 'ResumeRoutineIntent',
]);

/** CanFulfillIntentRequest: YES for our own intents when every given slot resolved, MAYBE when some did not. */
export const canFulfillHandler: RequestHandler = {
  canHandle: (input) => isType(input, 'CanFulfillIntentRequest'),
  handle(input) {
    const request = input.requestEnvelope.request as { intent?: { name?: string; slots?: Record<string, { value?: string; resolutions?: { resolutionsPerAuthority?: { status?: { code?: string } }[] } }> } };
    const name = request.intent?.name ?? '';
    const slots: Record<string, canfulfill.CanFulfillSlot> = {};
    let allUnderstood = true;
    for (const [slotName, slot] of Object.entries(request.intent?.slots ?? {})) {
      const matched = slot.resolutions?.resolutionsPerAuthority?.some((a) => a.status?.code === 'ER_SUCCESS_MATCH') ?? false;
      if (!matched) allUnderstood = false;
      slots[slotName] = { canUnderstand: matched ? 'YES' : 'MAYBE', canFulfill: matched ? 'YES' : 'NO' };
    }
    const canFulfill = FULFILLABLE.has(name) ? (allUnderstood ? 'YES' : 'MAYBE') : 'NO';
    return input.responseBuilder.withCanFulfillIntent({ canFulfill, slots }).getResponse();
  },
};

/** Events that must not speak: audio playback, playback controls, system exceptions. Logged and acknowledged. */
export const silentEventHandler: RequestHandler = {
  canHandle: (input) => {
    const type = getRequestType(input.requestEnvelope);
    return type.startsWith('AudioPlayer.') || type.startsWith('PlaybackController.') || type === 'System.ExceptionEncountered';
  },
  handle(input) {
    log('info', 'request.ignored', { requestType: getRequestType(input.requestEnvelope) });
    return input.responseBuilder.getResponse();
  },
};

/** Any other request type (APL user events, Connections.Response, …) and unknown intents: a clear answer. */
export const unsupportedHandler: RequestHandler = {
  canHandle: () => true,
  handle(input) {
    log('info', 'request.unsupported', { requestType: getRequestType(input.requestEnvelope) });
    return renderTurn(input, messageTurn(voiceFor(input.requestEnvelope.request.locale), 'common:unsupported'));
  },
};
