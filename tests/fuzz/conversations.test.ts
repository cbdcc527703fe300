/**
 * Property-based conversations: random request sequences in any order and with any session state.
 * Reproduce a failure with FUZZ_SEED=<seed printed below> npm test -- tests/fuzz
 */
import fc from 'fast-check';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import model from '../../skill-package/interactionModels/custom/en-US.json';
import { parseState } from '../../src/core/state-parse.js';
import { createSkill } from '../../src/skill.js';
import { intentRequest, launchRequest, rawRequest, sessionEndedRequest, TEST_SKILL_ID, type EnvelopeOptions } from '../../tools/envelopes.js';
import { MemoryPersistenceAdapter } from '../../tools/simulator/stores.js';
import { LOCALES } from '../../tools/models.js';
import { expectValidResponse, silenceOf } from '../support/response-checks.js';

interface Intent { name: string; slots?: { name: string; type: string }[] }
interface SlotType { name: string; values: { name: { value: string; synonyms?: string[] } }[] }
const lm = model.interactionModel.languageModel as unknown as { intents: Intent[]; types: SlotType[] };

/** A fixed seed in CI (the same run every time, so a red run is reproducible); random elsewhere unless FUZZ_SEED is set. */
const CI_SEED = 20261201;
const SEED = Number(process.env.FUZZ_SEED ?? (process.env.CI ? CI_SEED : Math.floor(Math.random() * 2 ** 31)));
const RUNS = Number(process.env.FUZZ_RUNS ?? 800);
console.log(`fuzz seed ${SEED} (${RUNS} sequences; reproduce with FUZZ_SEED=${SEED})`);

const wordsOf = (type: string) => lm.types.find((t) => t.name === type)?.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]) ?? [];

const slotValue = (type: string) => fc.oneof(
  // A built-in type (AMAZON.NUMBER) has no values in the model: numbers as Alexa sends them.
  { weight: 4, arbitrary: wordsOf(type).length ? fc.constantFrom(...wordsOf(type)) : fc.integer({ min: -1, max: 99 }).map(String) },
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
  // Reports about streams of ours (tokens fa1.<routine>.<step>.<id>), right or stale for whatever the state is.
  ['AudioPlayer.PlaybackNearlyFinished', { token: 'fa1.ankle.0.1', offsetInMilliseconds: 50_000 }],
  ['AudioPlayer.PlaybackNearlyFinished', { token: 'fa1.ankle.1.2', offsetInMilliseconds: 150_000 }],
  ['AudioPlayer.PlaybackFinished', { token: 'fa1.ankle.1.2', offsetInMilliseconds: 200_000 }],
  ['AudioPlayer.PlaybackStarted', { token: 'fa1.ankle.2.3', offsetInMilliseconds: 0 }],
  ['AudioPlayer.PlaybackStopped', { token: 'fa1.heel.1.2', offsetInMilliseconds: 30_000 }],
  ['AudioPlayer.PlaybackFailed', { token: 'fa1.ankle.0.1', offsetInMilliseconds: 0, error: { type: 'MEDIA_ERROR_UNKNOWN', message: 'x' } }],
  ['AudioPlayer.PlaybackStarted', { token: 'fa1.ankle.99.999999999', offsetInMilliseconds: -5 }],
  ['CanFulfillIntentRequest', { intent: { name: 'WherePointIntent', slots: { point: { name: 'point', value: 'calm sleep' } } } }],
  ['Alexa.Presentation.APL.UserEvent', { token: 'x', arguments: ['next'] }],
  ['Alexa.Presentation.APL.UserEvent', { token: 'footAcupressure', arguments: ['segmentDone', 'footAcupressure'] }],
  ['Alexa.Presentation.APL.UserEvent', { token: 'footAcupressure', arguments: ['pause'] }],
  ['Alexa.Presentation.APL.UserEvent', { token: 'footAcupressure', arguments: [{ not: 'a string' }] }],
  ['Connections.Response', { name: 'Buy', status: { code: '200', message: 'OK' }, payload: {} }],
  ['System.ExceptionEncountered', { error: { type: 'INVALID_RESPONSE', message: 'x' }, cause: { requestId: 'r' } }],
  ['IntentRequest', {}],
  ['SomethingNew.FromTheFuture', {}],
];

const mark = fc.tuple(fc.integer({ min: -5, max: 700_000 }), fc.integer({ min: -1, max: 8 }), fc.integer({ min: -5, max: 2_000_000 }), fc.constantFrom(0, 1, 2));
const corruptState = fc.oneof(
  fc.anything(),
  fc.constant({ v: 1, prefs: {}, progress: { routineId: 'ankle', stepIndex: 1, segmentIndex: 0 } }),
  fc.record({ v: fc.constant(2), prefs: fc.anything(), progress: fc.anything(), pending: fc.anything(), leaveOut: fc.anything(), heard: fc.anything(), last: fc.anything() }),
  fc.record({
    v: fc.constant(2), prefs: fc.record({ holdLength: fc.constantFrom('short', 'long', 'huge'), pace: fc.constantFrom('slow', 'normal', 'warp'), waitBetweenSteps: fc.anything() }),
    progress: fc.record({
      routineId: fc.constantFrom('ankle', 'heel', 'preparation', 'nope'), paused: fc.anything(),
      at: fc.record({ stepIndex: fc.integer({ min: -3, max: 12 }), atMs: fc.integer({ min: -1000, max: 2_000_000 }) }),
      played: fc.record({ sentAtMs: fc.oneof(fc.integer(), fc.constant(Number.NaN)), lengthMs: fc.integer({ min: -1, max: 700_000 }), marks: fc.array(mark, { maxLength: 6 }), runsOn: fc.anything(),
        next: fc.option(fc.record({ stepIndex: fc.integer({ min: -1, max: 8 }), atMs: fc.integer({ min: -1, max: 900_000 }) }), { nil: undefined }) }),
    }),
    pending: fc.record({ question: fc.constantFrom('pregnancy', 'resume', 'deleteData', 'didYouMean', 'startRoutine', 'whichMassage', 'pain', 'bogus'), routineId: fc.constantFrom('ankle', 'x'), pointId: fc.constantFrom('KI6', 'XX') }),
  }),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: intentStep },
  { weight: 2, arbitrary: fc.constant({ kind: 'launch' as const }) },
  { weight: 1, arbitrary: fc.constantFrom('USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS').map((reason) => ({ kind: 'ended' as const, reason })) },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_TYPES).map(([type, fields]) => ({ kind: 'raw' as const, type, fields })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'newSession' as const }) },
  { weight: 1, arbitrary: corruptState.map((state) => ({ kind: 'corrupt' as const, state })) },
);

/** How much time passes before a request: none, seconds into an answer (interrupting it), a minute, or hours. */
const gap = fc.oneof(fc.constant(0), fc.integer({ min: 1_000, max: 240_000 }), fc.constant(60_000), fc.constant(36 * 3_600_000));


let requests = 0;

describe('fuzzed conversations', () => {
  it('never throws, goes silent or emits invalid speech, whatever the order and state', async () => {
    const locales = fc.constantFrom(...LOCALES);
    // A speaker, a screen, or a speaker that plays routines as streams (its player reporting one of our tokens).
    const devices = fc.constantFrom('speaker', 'screen', 'audio');
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(step, gap), { minLength: 1, maxLength: 14 }), locales, devices, async (steps, locale, device) => {
      const store = new MemoryPersistenceAdapter();
      const skill = createSkill({ skillId: TEST_SKILL_ID, store: store, audio: { baseUrl: 'https://streams.example/', key: 'fuzz-key-for-signing-stream-urls-0123456789' } });
      const screen = device === 'screen';
      const audio: EnvelopeOptions = device === 'audio' ? { audioPlayer: true, player: { token: 'fa1.ankle.1.2', offsetInMilliseconds: 45_000, playerActivity: 'PLAYING' } } : {};
      let attributes: Record<string, unknown> | undefined;
      let now = Date.parse('2026-12-01T09:00:00Z');
      for (const [s, wait] of steps) {
        now += wait;
        const opts: EnvelopeOptions = { newSession: attributes === undefined, sessionAttributes: attributes ?? {}, locale, screen, timestampMs: now, ...audio };
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
        await expectValidResponse(response, { ...silenceOf(request), locale });
        if (!request.session) continue;
        const ended = response.response.shouldEndSession === true || request.request.type === 'SessionEndedRequest';
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
    const skill = createSkill({ skillId: TEST_SKILL_ID });
    await fc.assert(fc.asyncProperty(fc.string({ minLength: 1 }), intentStep, async (otherId, s) => {
      fc.pre(otherId !== TEST_SKILL_ID);
      const slots = Object.fromEntries(Object.entries((s as { slots: Record<string, string | undefined> }).slots).filter((e): e is [string, string] => e[1] !== undefined));
      await expect(skill.invoke(intentRequest((s as { name: string }).name, slots, { skillId: otherId }))).rejects.toThrow(/skill/i);
    }), { seed: SEED, numRuns: 50 });
  });
});
