import { getLocale, getRequestType, getSlot, getSlotValue, getSupportedInterfaces, getUserId, isNewSession } from 'ask-sdk-core';
import type { IntentRequest, Slot } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import model from '../../skill-package/interactionModels/custom/en-US.json';
import {
  intentRequest, launchRequest, rawRequest, resolveValue, sessionEndedRequest, slotTypeOf, TEST_SKILL_ID, TEST_USER_ID,
} from '../../tools/envelopes.js';

interface SlotType { name: string; values: { id: string; name: { value: string; synonyms?: string[] } }[] }
const lm = model.interactionModel.languageModel as unknown as { intents: { name: string; slots?: { name: string; type: string }[] }[]; types: SlotType[] };

/** One intent and slot per slot type, to carry each value. */
const carrier = Object.fromEntries(lm.intents.flatMap((i) => (i.slots ?? []).map((s) => [s.type, [i.name, s.name] as const])));
const resolution = (slot: Slot | undefined) => slot?.resolutions?.resolutionsPerAuthority?.[0];

describe('intentRequest entity resolution', () => {
  it.each(lm.types.flatMap((t) => t.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])].map((word) => [t.name, word, v.id] as const))))(
    '%s "%s" → ER_SUCCESS_MATCH %s', (typeName, word, id) => {
      const [intentName, slotName] = carrier[typeName]!;
      const envelope = intentRequest(intentName, { [slotName]: word.toUpperCase() });
      const r = resolution(getSlot(envelope, slotName) as Slot);
      expect(r?.status.code).toBe('ER_SUCCESS_MATCH');
      expect(r?.values?.[0]?.value.id).toBe(id);
      expect(getSlotValue(envelope, slotName)).toBe(word.toUpperCase());
    });

  it('gives ER_SUCCESS_NO_MATCH, with the words heard, for a word not in the type', () => {
    const envelope = intentRequest('WherePointIntent', { point: 'flibber' });
    const slot = getSlot(envelope, 'point') as Slot;
    expect(slot.value).toBe('flibber');
    expect(resolution(slot)?.status.code).toBe('ER_SUCCESS_NO_MATCH');
    expect(resolution(slot)?.values).toBeUndefined();
  });

  it('takes an explicit id, and sends declared slots the user did not fill without a value', () => {
    const explicit = intentRequest('StartRoutineIntent', { routine: { value: 'the feet one', id: 'ankle' } });
    expect(resolution(getSlot(explicit, 'routine') as Slot)?.values?.[0]?.value).toEqual({ id: 'ankle', name: 'the feet one' });
    const empty = intentRequest('WherePointIntent');
    expect((empty.request as IntentRequest).intent.slots?.point).toEqual({ name: 'point', confirmationStatus: 'NONE' });
    expect((intentRequest('AMAZON.HelpIntent').request as IntentRequest).intent.slots).toBeUndefined();
  });

  it('knows the slot types of the model', () => {
    expect(slotTypeOf('SetSoundsIntent', 'toggle')).toBe('Toggle');
    expect(resolveValue('HoldLengthName', ' Extended ')).toEqual({ id: 'long', name: 'long' });
    expect(resolveValue('HoldLengthName', 'forever')).toBeUndefined();
  });
});

describe('envelope shape and options', () => {
  it('builds a LaunchRequest in a new session, as the SDK helpers read it', () => {
    const envelope = launchRequest();
    expect(getRequestType(envelope)).toBe('LaunchRequest');
    expect(isNewSession(envelope)).toBe(true);
    expect(getLocale(envelope)).toBe('en-US');
    expect(getUserId(envelope)).toBe(TEST_USER_ID);
    expect(envelope.context.System.application.applicationId).toBe(TEST_SKILL_ID);
    expect(envelope.session?.application.applicationId).toBe(TEST_SKILL_ID);
    expect(envelope.context.System.apiEndpoint).toMatch(/^https:\/\//);
    expect(envelope.request.requestId).toMatch(/^amzn1\.echo-api\.request\./);
    // Amazon's timestamps are ISO 8601 to the second ("2015-05-13T12:34:56Z").
    expect(envelope.request.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(getSupportedInterfaces(envelope)['Alexa.Presentation.APL']).toBeUndefined();
  });

  it('applies every option', () => {
    const envelope = intentRequest('AMAZON.NextIntent', {}, {
      sessionAttributes: { n: 1 }, newSession: false, locale: 'en-GB', skillId: 'amzn1.ask.skill.other', userId: 'u1', sessionId: 's1', screen: true,
    });
    expect(envelope.session).toMatchObject({ new: false, sessionId: 's1', attributes: { n: 1 }, user: { userId: 'u1' }, application: { applicationId: 'amzn1.ask.skill.other' } });
    expect(getLocale(envelope)).toBe('en-GB');
    expect(getUserId(envelope)).toBe('u1');
    expect(getSupportedInterfaces(envelope)['Alexa.Presentation.APL']).toBeDefined();
    expect(isNewSession(intentRequest('AMAZON.NextIntent'))).toBe(false);
  });

  it('builds SessionEndedRequest and any other request type', () => {
    expect(sessionEndedRequest('EXCEEDED_MAX_REPROMPTS').request).toMatchObject({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS', locale: 'en-US' });
    const event = rawRequest('Alexa.Presentation.APL.UserEvent', { token: 't', arguments: ['next'] }, { screen: true });
    expect(event.request).toMatchObject({ type: 'Alexa.Presentation.APL.UserEvent', token: 't', arguments: ['next'] });
    expect(rawRequest('AudioPlayer.PlaybackStarted', { token: 'x', offsetInMilliseconds: 0 }).request.type).toBe('AudioPlayer.PlaybackStarted');
  });
});
