/**
 * The shipped artifact: the production bundle Lambda runs, built with the stack's own esbuild settings,
 * driven through the same conversations as the sources.
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import common from '../../locales/en-US/common.json';
import cues from '../../locales/en-US/cues.json';
import { buildLambdaBundle, type BuiltBundle } from '../../tools/build.mjs';
import { Conversation } from '../../tools/conversation.js';
import { launchRequest, TEST_SKILL_ID } from '../../tools/envelopes.js';
import { expectValidResponse } from '../support/response-checks.js';

type Handler = (event: RequestEnvelope, context: unknown) => Promise<ResponseEnvelope>;
let bundle: BuiltBundle;
const requireFresh = (file: string): { handler: Handler } => {
  const req = createRequire(import.meta.url);
  delete req.cache[req.resolve(file)];
  return req(file) as { handler: Handler };
};
/** The bundle's Lambda handler, seen as a Skill, with every response checked. */
const asSkill = (handler: Handler) => ({
  invoke: async (event: RequestEnvelope) => {
    const response = await handler(event, {});
    const type = event.request.type;
    await expectValidResponse(response, { silent: type === 'SessionEndedRequest' });
    return response;
  },
}) as unknown as Skill;

beforeAll(async () => {
  bundle = await buildLambdaBundle('src/index.ts', mkdtempSync(join(tmpdir(), 'bundle-')));
  process.env.SKILL_ID = TEST_SKILL_ID;
});
afterAll(() => { delete process.env.SKILL_ID; });

describe('the production bundle', () => {
  it('is a CommonJS file that exports the Lambda handler', () => {
    expect(typeof requireFresh(bundle.file).handler).toBe('function');
    expect(bundle.bytes).toBeGreaterThan(10_000);
  });

  it('holds a whole conversation: launch, routine with timed cues, a point, navigation, stop', async () => {
    const c = new Conversation(asSkill(requireFresh(bundle.file).handler));
    expect((await c.say('open foot acupressure')).text).toContain(common.disclaimer);
    expect((await c.say('start the ankle routine')).text).toBe(common.askPregnancy);
    const first = await c.say('no');
    expect(first.text).toMatch(new RegExp(`${cues.pressBoth} \\[pause [\\d.]+s\\] ${cues.tenSecondsLeft}`));
    expect((await c.say('where is qiuxu')).text).toContain('Hill Ruins, G.B. 40.');
    expect((await c.say('next')).text).toContain(cues.pressLight);
    expect((await c.say('pause')).text).toBe(common.paused);
    expect((await c.say('resume')).text).toContain('Picking up where you left off');
    expect((await c.say('stop')).ended).toBe(true);
  });

  it('rejects a request from another skill', async () => {
    const { handler } = requireFresh(bundle.file);
    await expect(handler(launchRequest({ skillId: 'amzn1.ask.skill.someone-else' }), {})).rejects.toThrow();
  });

  it('refuses to answer at all when SKILL_ID is not configured', async () => {
    delete process.env.SKILL_ID;
    try {
      const { handler } = requireFresh(bundle.file);
      await expect(handler(launchRequest(), {})).rejects.toThrow(/SKILL_ID/);
    } finally {
      process.env.SKILL_ID = TEST_SKILL_ID;
    }
  });
});
