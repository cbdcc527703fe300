/**
 * The shipped artifact: the production bundle Lambda runs, built with the stack's own esbuild settings,
 * driven through the same conversations as the sources, in this process and, in fresh processes, on
 * Lambda's Node 22 (the npm package, see tools/bench/node-runtimes.ts), with and without a store.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import cues from '../../locales/en/cues.json';
import { saysAny } from '../support/wordings.js';
import points from '../../locales/en/points.json';
import { SUPPORTED_LOCALES } from '../../src/alexa/locales.js';
import { speechTextOf } from '../../tools/ssml.js';
import routines from '../../locales/en/routines.json';
import { nodeRuntimes } from '../../tools/bench/node-runtimes.js';
import { buildLambdaBundle, type BuiltBundle } from '../../tools/build.mjs';
import { Conversation } from '../../tools/conversation.js';
import { intentRequest, launchRequest, TEST_SKILL_ID, TEST_USER_ID } from '../../tools/envelopes.js';
import { startDynalite } from '../support/dynalite.js';
import { expectValidResponse } from '../support/response-checks.js';
import { fill } from '../support/words.js';

const askPregnancy = fill(common.askPregnancy, { name: routines.ankle.name });

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
    expect((await c.say('start the ankle routine')).text).toBe(askPregnancy);
    const first = await c.say('no');
    // The hold is paced: timed pauses between the press cue and the ten-seconds cue (other cues may sit between).
    expect(first.text).toMatch(new RegExp(`${cues.pressBoth[0]} \\[pause [\\d.]+s\\] ([^[]+ \\[pause [\\d.]+s\\] )*${cues.tenSecondsLeft[0]}`));
    expect((await c.say('where is qiuxu')).text).toContain(points.GB40.location);
    expect(saysAny((await c.say('next')).text, cues.pressLight)).toBe(true);
    expect((await c.say('pause')).text).toBe(common.paused);
    expect((await c.say('resume')).text).toContain(common.notes.resume);
    expect((await c.say('stop')).ended).toBe(true);
  });

  it.each(SUPPORTED_LOCALES)('welcomes in %s, from the words held in the bundle and parsed on first use', async (locale) => {
    const { handler } = requireFresh(bundle.file);
    const welcome = (await import(`../../locales/${locale.startsWith('en') ? 'en' : locale.slice(0, 2)}/common.json`)).default.welcome as string;
    const r = await handler(launchRequest({ locale }), {});
    await expectValidResponse(r, { locale });
    expect(speechTextOf(r)).toContain(welcome.slice(0, 25));
  });

  it('rejects a request from another skill', async () => {
    const { handler } = requireFresh(bundle.file);
    await expect(handler(launchRequest({ skillId: 'amzn1.ask.skill.someone-else' }), {})).rejects.toThrow(/skill ID verification failed/i);
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

describe.each(nodeRuntimes())('the production bundle in a fresh process on $label', ({ path: node }) => {
  /** Plays steps through tools/bench/child.cjs (script mode: each step gets the previous step's session). */
  async function play(env: Record<string, string> = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-node-'));
    const first = launchRequest({ userId: TEST_USER_ID });
    const steps = [
      { kind: 'launch', envelope: first },
      { kind: 'start ankle', envelope: intentRequest('StartRoutineIntent', { routine: 'ankle' }, { sessionId: first.session!.sessionId }), from: 0 },
      { kind: 'no', envelope: intentRequest('AMAZON.NoIntent', {}, { sessionId: first.session!.sessionId }), from: 1 },
      { kind: 'stop', envelope: intentRequest('AMAZON.StopIntent', {}, { sessionId: first.session!.sessionId }), from: 2 },
      { kind: 'launch again', envelope: launchRequest({ userId: TEST_USER_ID }) },
    ];
    writeFileSync(join(dir, 'in.json'), JSON.stringify(steps));
    await promisify(execFile)(node, ['--enable-source-maps', resolve('tools/bench/child.cjs'), 'script', bundle.file, join(dir, 'in.json'), join(dir, 'out.json')], {
      env: { PATH: process.env.PATH ?? '', SKILL_ID: TEST_SKILL_ID, LOG_LEVEL: 'silent', ...env },
    });
    return (JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { steps: { ok: boolean; speech: string; end: boolean | null }[] }).steps;
  }

  it('answers a conversation without a store', async () => {
    const steps = await play();
    expect(steps.map((x) => x.ok)).toEqual([true, true, true, true, true]);
    expect(steps[0]!.speech).toContain(common.disclaimer);
    expect(steps[1]!.speech).toBe(askPregnancy);
    expect(steps[2]!.speech).toContain(cues.pressBoth[0]);
    expect(steps[3]!.end).toBe(true);
    expect(steps[4]!.speech).toContain(common.disclaimer); // nothing remembered
  });

  it('remembers the routine across sessions through DynamoDB (dynalite on loopback)', async () => {
    const db = await startDynalite();
    try {
      const steps = await play({ TABLE_NAME: db.tableName, AWS_ENDPOINT_URL: db.endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
      expect(steps.map((x) => x.ok)).toEqual([true, true, true, true, true]);
      expect(steps[4]!.speech).toContain('pick up where you left off');
    } finally {
      await db.stop();
    }
  });
});
