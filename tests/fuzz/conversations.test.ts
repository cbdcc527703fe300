/**
 * Property-based conversations: random request sequences in any order and with any session state.
 * Reproduce a failure with FUZZ_SEED=<seed printed below> npm test -- tests/fuzz
 */
import fc from 'fast-check';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import model from '../../skill-package/interactionModels/custom/en-US.json';
import { parseState } from '../../src/core/state-parse.js';
import { buildSkill } from '../../src/skill.js';
import { intentRequest, launchRequest, rawRequest, sessionEndedRequest, TEST_SKILL_ID, type EnvelopeOptions } from '../../tools/envelopes.js';
import { MemoryPersistenceAdapter } from '../../tools/simulator/stores.js';
import { expectValidResponse } from '../support/response-checks.js';

interface Intent { name: string; slots?: { name: string; type: string }[] }
interface SlotType { name: string; values: { name: { value: string; synonyms?: string[] } }[] }
const lm = model.interactionModel.languageModel as unknown as { intents: Intent[]; types: SlotType[] };

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 800);
console.log(`fuzz seed ${SEED} (${RUNS} sequences; reproduce with FUZZ_SEED=${SEED})`);

const wordsOf = (type: string) => lm.types.find((t) => t.name === type)?.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]) ?? [];

const slotValue = (type: string) => fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...wordsOf(type)) },
  { weight: 1, arbitrary: fc.constantFrom('flibber', 'the purple one', 'k i ninety nine', '', '   ', '&<>"\'', 'ñandú 🦶') },
  { weight: 1, arbitrary: fc.string({ minLength: 2000, maxLength: 2000 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

type Step =
  | { kind: 'intent'; name: string; slots: Record<string, string | undefined> }
  | { kind: 'launch' } | { kind: 'ended'; reason: 'USER_INITIATED' | 'ERROR' | 'EXCEEDED_MAX_REPROMPTS' }
  | { kind: 'raw'; type: string; fields: Record<string, unknown> }
  | { kind: 'newSession' } | { kind: 'corrupt'; state: unknown };

const intentStep: fc.Arbitrary<Step> = fc.constantFrom(...lm.intents).chain((intent) =>
  fc.record(Object.fromEntries((intent.slots ?? []).map((s) => [s.name, fc.option(slotValue(s.type), { nil: undefined })])) as Record<string, fc.Arbitrary<string | undefined>>)
    .map((slots) => ({ kind: 'intent' as const, name: intent.name, slots })));

const RAW_TYPES: [string, Record<string, unknown>][] = [
  ['AudioPlayer.PlaybackStarted', { token: 't', offsetInMilliseconds: 0 }],
  ['AudioPlayer.PlaybackFailed', { token: 't', error: { type: 'MEDIA_ERROR_UNKNOWN', message: 'x' } }],
  ['PlaybackController.NextCommandIssued', {}],
  ['CanFulfillIntentRequest', { intent: { name: 'WherePointIntent', slots: { point: { name: 'point', value: 'calm sleep' } } } }],
  ['Alexa.Presentation.APL.UserEvent', { token: 'x', arguments: ['next'] }],
  ['Connections.Response', { name: 'Buy', status: { code: '200', message: 'OK' }, payload: {} }],
  ['System.ExceptionEncountered', { error: { type: 'INVALID_RESPONSE', message: 'x' }, cause: { requestId: 'r' } }],
  ['IntentRequest', {}],
  ['SomethingNew.FromTheFuture', {}],
];

const corruptState = fc.oneof(
  fc.anything(),
  fc.constant({ v: 2, prefs: {} }),
  fc.record({ v: fc.constant(1), prefs: fc.anything(), progress: fc.anything(), pending: fc.anything(), pregnant: fc.anything() }),
  fc.record({ v: fc.constant(1), prefs: fc.constant({}), progress: fc.record({ routineId: fc.constantFrom('ankle', 'heel', 'nope'), stepIndex: fc.integer({ min: -3, max: 12 }), segmentIndex: fc.integer({ min: -1, max: 60 }), paused: fc.anything() }) }),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: intentStep },
  { weight: 2, arbitrary: fc.constant({ kind: 'launch' as const }) },
  { weight: 1, arbitrary: fc.constantFrom('USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS').map((reason) => ({ kind: 'ended' as const, reason })) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_TYPES).map(([type, fields]) => ({ kind: 'raw' as const, type, fields })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'newSession' as const }) },
  { weight: 1, arbitrary: corruptState.map((state) => ({ kind: 'corrupt' as const, state })) },
);

const SILENT = (type: string) => type === 'SessionEndedRequest' || type === 'CanFulfillIntentRequest' || type.startsWith('AudioPlayer.') || type.startsWith('PlaybackController.') || type === 'System.ExceptionEncountered';

let requests = 0;

describe('fuzzed conversations', () => {
  it('never throws, goes silent or emits invalid speech, whatever the order and state', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
      const store = new MemoryPersistenceAdapter();
      const skill = buildSkill({ skillId: TEST_SKILL_ID, persistenceAdapter: store }).create();
      let attributes: Record<string, unknown> | undefined;
      for (const s of steps) {
        const opts: EnvelopeOptions = { newSession: attributes === undefined, sessionAttributes: attributes ?? {} };
        let request: RequestEnvelope | undefined;
        switch (s.kind) {
          case 'newSession': attributes = undefined; continue;
          case 'corrupt': attributes = { ...(attributes ?? {}), state: s.state }; continue;
          case 'launch': request = launchRequest({ ...opts, newSession: true }); break;
          case 'ended': request = sessionEndedRequest(s.reason, opts, s.reason === 'ERROR' ? { type: 'INTERNAL_ERROR', message: 'x' } : undefined); break;
          case 'raw': request = rawRequest(s.type, s.fields, opts); break;
          case 'intent': {
            const slots = Object.fromEntries(Object.entries(s.slots).filter((e): e is [string, string] => e[1] !== undefined));
            request = intentRequest(s.name, slots, opts);
            break;
          }
        }
        requests += 1;
        const response: ResponseEnvelope = await skill.invoke(request);
        await expectValidResponse(response, { silent: SILENT(request.request.type) });
        const ended = response.response.shouldEndSession !== false;
        attributes = ended ? undefined : response.sessionAttributes;
        if (attributes) expect(parseState(attributes.state)).toEqual(attributes.state);
        const saved = (await store.getAttributes(request)).state;
        if (saved !== undefined) expect(parseState(saved)).toEqual(saved);
      }
    }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
    console.log(`fuzz: ${requests} requests checked (seed ${SEED})`);
    expect(requests).toBeGreaterThan(RUNS);
  }, 240_000);

  it('rejects every request from another skill', async () => {
    const skill = buildSkill({ skillId: TEST_SKILL_ID }).create();
    await fc.assert(fc.asyncProperty(fc.string({ minLength: 1 }), intentStep, async (otherId, s) => {
      fc.pre(otherId !== TEST_SKILL_ID);
      const slots = Object.fromEntries(Object.entries((s as { slots: Record<string, string | undefined> }).slots).filter((e): e is [string, string] => e[1] !== undefined));
      await expect(skill.invoke(intentRequest((s as { name: string }).name, slots, { skillId: otherId }))).rejects.toThrow(/skill/i);
    }), { seed: SEED, numRuns: 50 });
  });
});
