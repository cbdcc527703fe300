/**
 * A request that fails inside the skill: the user hears the apology at their own pace, the microphone stays
 * open with a reprompt, and the routine's place is the one before the failed request (the turn function
 * writes the state as it was parsed, never the state of a response that failed to render).
 */
import { describe, expect, it, vi } from 'vitest';
import common from '../../locales/en/common.json';
import routines from '../../locales/en/routines.json';
import { SLOW_RATE_PERCENT } from '../../src/alexa/i18n.js';
import { createSkill } from '../../src/skill.js';
import { Conversation } from '../../tools/conversation.js';
import { expectValidResponse } from '../support/response-checks.js';
import { upper } from '../support/words.js';

/** One fault switched on from outside: the next SSML render throws, as an over-long response would (SsmlLimitError). */
const fault = vi.hoisted(() => ({ armed: false }));
vi.mock('../../src/core/speech.js', async (original) => {
  const real = await original<typeof import('../../src/core/speech.js')>();
  return {
    ...real,
    renderSsml: (...args: Parameters<typeof real.renderSsml>) => {
      if (fault.armed) { fault.armed = false; throw new real.SsmlLimitError('boom'); }
      return real.renderSsml(...args);
    },
  };
});

describe('a request that fails', () => {
  it('apologises at the slow pace the user chose, keeps the microphone open, and keeps the place it had', async () => {
    const c = new Conversation(createSkill());
    await c.say('start the ankle routine');
    await c.say('no');
    await c.say('speak more slowly', { afterMs: 30_000 });
    const before = (await c.say('where is it', { afterMs: 5_000 })).sessionAttributes;
    fault.armed = true;
    // "Skip" would move to the next point: its response fails to render, so the place must stay at K.I. 6.
    const failed = await c.say('skip this one', { afterMs: 5_000 });
    await expectValidResponse(failed.envelope);
    expect(failed.text).toBe(common.error);
    expect(failed.ssml).toContain(`<prosody rate="${SLOW_RATE_PERCENT}%">`);
    expect(failed.reprompt).toBe(common.errorReprompt);
    expect(failed.ended).toBe(false);
    expect(failed.sessionAttributes).toEqual(before);
    expect((await c.say('resume')).text).toMatch(new RegExp(`^${common.notes.resume} ${upper(routines.ankle.steps.ki6.title)}\\.`));
  });
});
