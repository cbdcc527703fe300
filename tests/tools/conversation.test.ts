import { getIntentName, getRequestType, SkillBuilders, type HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import { Conversation, pausesMsOf, ssmlToText, stripSsml } from '../../tools/conversation.js';
import { TEST_USER_ID } from '../../tools/envelopes.js';

/**
 * A stand-in skill, so these tests don't depend on the real handlers: it counts turns in a session
 * attribute, ends the session on Stop, and records every request it sees.
 */
function stubSkill() {
  const seen: RequestEnvelope[] = [];
  const skill = SkillBuilders.custom().addRequestHandlers({
    canHandle: () => true,
    handle(input: HandlerInput) {
      seen.push(input.requestEnvelope);
      const type = getRequestType(input.requestEnvelope);
      if (type === 'SessionEndedRequest') return input.responseBuilder.getResponse();
      const attributes = input.attributesManager.getSessionAttributes();
      attributes.turns = Number(attributes.turns ?? 0) + 1;
      input.attributesManager.setSessionAttributes(attributes);
      const name = type === 'IntentRequest' ? getIntentName(input.requestEnvelope) : type;
      const stop = name === 'AMAZON.StopIntent';
      return input.responseBuilder
        .speak(`Turn ${String(attributes.turns)}, ${name}. <break time="10s"/><break time="2500ms"/>Rock &amp; roll.`)
        .reprompt('Still there?')
        .withShouldEndSession(stop)
        .getResponse();
    },
  }).create();
  return { skill, seen };
}

describe('Conversation', () => {
  it('carries the session attributes of each response into the next request', async () => {
    const { skill, seen } = stubSkill();
    const talk = new Conversation(skill);
    await talk.say('open foot acupressure');
    const second = await talk.say('next');
    const third = await talk.say('where is the calm sleep point');
    expect(seen.map((e) => e.session?.attributes)).toEqual([{}, { turns: 1 }, { turns: 2 }]);
    expect(seen.map((e) => e.session?.new)).toEqual([true, false, false]);
    expect(new Set(seen.map((e) => e.session?.sessionId)).size).toBe(1);
    expect(second.sessionAttributes).toEqual({ turns: 2 });
    expect(third.speechText).toBe('Turn 3, WherePointIntent. Rock & roll.');
  });

  it('starts a new session, with the same user, after the skill ends one', async () => {
    const { skill, seen } = stubSkill();
    const talk = new Conversation(skill);
    await talk.say('open foot acupressure');
    const stop = await talk.say('stop');
    expect(stop.ended).toBe(true);
    expect(stop.response.shouldEndSession).toBe(true);
    await talk.say('next');
    expect(seen[2]!.session).toMatchObject({ new: true, attributes: {} });
    expect(seen[2]!.session?.sessionId).not.toBe(seen[0]!.session?.sessionId);
    expect(new Set(seen.map((e) => e.context.System.user.userId))).toEqual(new Set([TEST_USER_ID]));
  });

  it('opens a new session for a one-shot request and sends the resolved intent and slots', async () => {
    const { skill, seen } = stubSkill();
    const talk = new Conversation(skill);
    await talk.say('open foot acupressure');
    await talk.say('ask foot acupressure where is k. i. six');
    const request = seen[1]!.request as { type: string; intent: { name: string; slots: Record<string, { value: string; resolutions: unknown }> } };
    expect(seen[1]!.session?.new).toBe(true);
    expect(request.intent.name).toBe('WherePointIntent');
    expect(request.intent.slots.point!.value).toBe('k i six');
    expect(JSON.stringify(request.intent.slots.point!.resolutions)).toContain('"id":"KI6"');
  });

  it('returns the response envelope with readable speech, the reprompt and the pauses', async () => {
    const { skill } = stubSkill();
    const reply = await new Conversation(skill).say('open foot acupressure');
    expect(reply.version).toBe('1.0');
    expect(reply.response.outputSpeech?.type).toBe('SSML');
    expect(reply.envelope.response).toBe(reply.response);
    expect(reply.speechText).toBe('Turn 1, LaunchRequest. Rock & roll.');
    expect(reply.text).toBe('Turn 1, LaunchRequest. [pause 12.5s] Rock & roll.');
    expect(reply.pausesMs).toBe(12_500);
    expect(reply.reprompt).toBe('Still there?');
    expect(reply.ended).toBe(false);
  });

  it('sends a SessionEndedRequest when the user walks away, then starts afresh', async () => {
    const { skill, seen } = stubSkill();
    const talk = new Conversation(skill);
    await talk.say('open foot acupressure');
    const gone = await talk.sessionEnded();
    expect(gone.ended).toBe(true);
    expect(seen[1]!.request).toMatchObject({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' });
    expect(seen[1]!.session?.attributes).toEqual({ turns: 1 });
    await talk.say('help');
    expect(seen[2]!.session).toMatchObject({ new: true, attributes: {} });
  });
});

describe('SSML views', () => {
  const ssml = '<speak>Press &amp; hold.<break time="10s"/><break time="2500ms"/><audio src="soundbank://x"/>Release.</speak>';
  it('shows pauses and chimes and unescapes text', () => {
    expect(ssmlToText(ssml)).toBe('Press & hold. [pause 12.5s] [chime] Release.');
  });
  it('strips every tag', () => {
    expect(stripSsml(ssml)).toBe('Press & hold. Release.');
  });
  it('sums the breaks', () => {
    expect(pausesMsOf(ssml)).toBe(12_500);
    expect(pausesMsOf('<speak>no pause</speak>')).toBe(0);
  });
});
