/**
 * A request that fails inside the skill: the user hears the apology at their own pace, the microphone stays
 * open with a reprompt, and the routine's place is kept (the error handler's one write of the parsed state).
 */
import type { IntentRequest } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import routines from '../../locales/en/routines.json';
import { SLOW_RATE_PERCENT } from '../../src/alexa/i18n.js';
import { buildSkill } from '../../src/skill.js';
import { Conversation } from '../../tools/conversation.js';
import { expectValidResponse } from '../support/response-checks.js';
import { upper } from '../support/words.js';

/** The real skill, with one fault switched on from outside: the help request throws before any handler runs. */
function faultySkill() {
  const fault = { on: false };
  const skill = buildSkill().addRequestInterceptors({
    process(input) {
      const request = input.requestEnvelope.request as IntentRequest;
      if (fault.on && request.type === 'IntentRequest' && request.intent.name === 'AMAZON.HelpIntent') throw new Error('boom');
    },
  }).create();
  return { fault, c: new Conversation(skill) };
}

describe('the error handler', () => {
  it('apologises at the slow pace the user chose, keeps the microphone open, and keeps the place', async () => {
    const { fault, c } = faultySkill();
    await c.say('start the ankle routine');
    await c.say('no');
    await c.say('speak more slowly', { afterMs: 30_000 });
    fault.on = true;
    const failed = await c.say('help', { afterMs: 20_000 });
    fault.on = false;
    await expectValidResponse(failed.envelope);
    expect(failed.text).toBe(common.error);
    expect(failed.ssml).toContain(`<prosody rate="${SLOW_RATE_PERCENT}%">`);
    expect(failed.reprompt).toBe(common.errorReprompt);
    expect(failed.ended).toBe(false);
    expect((await c.say('resume')).text).toMatch(new RegExp(`^${common.notes.resume} ${upper(routines.ankle.steps.ki6.title)}\\.`));
  });
});
