/**
 * Invariants that hold for any order of events, from every mode (fast-check):
 * - no press after pain until the user chose lighter, resume or skip; after lighter, no firmer cue in that step;
 * - no screen event starts pacing while paused, asked something, after pain, or after stop;
 * - every open microphone has a question or an instruction in the speech itself;
 * - the state is written once per request, and what is saved is what was rendered;
 * - every response passes SSML validation and the platform limits.
 * The core is driven directly (many sequences), and the real skill through envelopes with a store that fails.
 * Reproduce with FUZZ_SEED=<seed printed below>.
 */
import fc from 'fast-check';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadVoice } from '../../src/alexa/i18n.js';
import { renderResponse } from '../../src/alexa/render.js';
import { StoreUnavailableError } from '../../src/alexa/persistence/errors.js';
import type { RecordStore } from '../../src/alexa/persistence/record-store.js';
import { persistedView } from '../../src/core/state-merge.js';
import type { RoutineEvent } from '../../src/core/events.js';
import { getRoutine } from '../../src/core/content/routines.js';
import { isPregnancyCaution } from '../../src/core/content/steps.js';
import type { Step } from '../../src/core/content/types.js';
import { FIRM_CUES } from '../../src/core/lighter.js';
import { MODE_KINDS, modeOf } from '../../src/core/modes.js';
import { respond } from '../../src/core/respond.js';
import { renderSsml } from '../../src/core/speech.js';
import { parseState } from '../../src/core/state-parse.js';
import { INITIAL_STATE, SESSION_FIELDS, type SkillState } from '../../src/core/state.js';
import type { Voice } from '../../src/core/voice.js';
import { createSkill } from '../../src/skill.js';
import { intentRequest, launchRequest, rawRequest, sessionEndedRequest, type EnvelopeOptions } from '../../tools/envelopes.js';
import { sendEventArgs } from '../../tools/conversation.js';
import { MemoryPersistenceAdapter } from '../../tools/simulator/stores.js';
import { asksSomething, expectValidResponse, silenceOf } from '../support/response-checks.js';

const SEED = Number(process.env.FUZZ_SEED ?? (process.env.CI ? 20261207 : Math.floor(Math.random() * 2 ** 31)));
const CORE_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SKILL_RUNS = Math.max(20, Math.round(CORE_RUNS / 6));
const T0 = Date.parse('2026-12-01T09:00:00Z');
console.log(`invariants seed ${SEED} (reproduce with FUZZ_SEED=${SEED})`);

/** Events a user, a screen or the platform can send; a screen event names the current response, an earlier one, or none. */
type Marker = 'currentScreen' | 'staleScreen' | `stream:${'started' | 'nearlyFinished' | 'finished' | 'stopped'}`;
type Gen = { event: RoutineEvent | Marker; afterS: number };
const EVENTS: readonly (RoutineEvent | Marker)[] = [
  { type: 'start', routineId: 'ankle' }, { type: 'start', routineId: 'heel' }, { type: 'start', routineId: 'anxiety' },
  { type: 'answer', answer: 'yes' }, { type: 'answer', answer: 'no' }, { type: 'answer', answer: 'unsure' },
  { type: 'next' }, { type: 'skip' }, { type: 'previous' }, { type: 'otherFoot' }, { type: 'redo' }, { type: 'repeat' }, { type: 'pause' },
  { type: 'resume' }, { type: 'startOver' }, { type: 'stop' }, { type: 'sessionEnded' }, { type: 'launch' }, { type: 'lighter' },
  { type: 'pain' }, { type: 'pain' }, { type: 'tingling' }, { type: 'pregnant' }, { type: 'notPregnant' }, { type: 'forgetChoice' },
  { type: 'currentPoint', ask: 'find' }, { type: 'currentPoint', ask: 'foot' }, { type: 'currentPoint', ask: 'helps' }, { type: 'howLong' }, { type: 'whatsNext' }, { type: 'point', pointId: 'KI6', ask: 'where' },
  { type: 'help' }, { type: 'fallback' }, { type: 'setPrefs', prefs: { holdLength: 'short' } }, { type: 'askDelete' }, { type: 'deviceReport' },
  'currentScreen', 'currentScreen', 'currentScreen', 'staleScreen', 'staleScreen',
  { type: 'health', condition: 'diabetes' }, { type: 'health', condition: 'sprain' }, { type: 'health', condition: 'bloodThinners' },
  'stream:started', 'stream:nearlyFinished', 'stream:finished', 'stream:stopped', { type: 'playbackMode' },
  { type: 'history', routineId: undefined }, { type: 'history', routineId: 'heel' },
  // One point on its own (avoided in pregnancy, paired with one that is, kept light, or none), one foot, shorter/longer.
  { type: 'practise', pointId: 'BL60' }, { type: 'practise', pointId: 'KI5' }, { type: 'practise', pointId: 'BL57' }, { type: 'practise', pointId: 'GB40' },
  { type: 'oneFoot', foot: 'left' }, { type: 'oneFoot', foot: 'right' }, { type: 'oneFoot', foot: undefined }, { type: 'bothFeet' }, { type: 'bothFeet' },
  { type: 'holdRelative', dir: 'shorter' }, { type: 'holdRelative', dir: 'longer' },
];
const step: fc.Arbitrary<Gen> = fc.record({ event: fc.constantFrom(...EVENTS), afterS: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 20, max: 400 })) });

/** Choices after pain that may press again. */
const PAIN_CHOICES = new Set(['next', 'skip', 'resume', 'lighter', 'start', 'practise']);
const PRESS_CUES = new Set(['press', 'pressBoth', 'pressPair', 'pressLight', 'pressFirm', 'pressAgain', 'pressGently', 'circles', 'smallCircles', 'strokes', 'ballPress']);

let voice: Voice;
beforeAll(async () => { voice = await loadVoice('en-US'); });

describe('invariants over random orders of events', () => {
  it('the core: pain, lighter, screen events and open microphones, from every mode', () => {
    let sequences = 0;
    let events = 0;
    const modes = new Set<string>();
    let lightChecked = 0;
    let cautionChecked = 0;
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.constantFrom('speaker', 'screen', 'audio'), (steps, kind) => {
      // A speaker, an Echo Show, or a speaker that plays routines as AudioPlayer streams.
      const device = kind === 'audio' ? { screen: false, audio: true } : { screen: kind === 'screen' };
      sequences += 1;
      let state: SkillState = { ...INITIAL_STATE, disclaimed: true };
      let now = T0;
      let lastSeq: number | undefined;
      let stopped = false;
      for (const s of steps) {
        now += s.afterS * 1000;
        const mode = modeOf(state);
        modes.add(mode.kind);
        const p = state.progress;
        const event: RoutineEvent = s.event === 'currentScreen' ? { type: 'segmentDone', seq: lastSeq }
          : s.event === 'staleScreen' ? { type: 'segmentDone', seq: (lastSeq ?? 1) - 1 }
            : typeof s.event === 'string' ? (p
              ? { type: 'playback', what: s.event.slice(7) as 'started', stream: { routineId: p.routineId, stepIndex: p.at.stepIndex, seq: p.seq ?? 0 }, offsetMs: s.afterS * 1000 }
              : { type: 'deviceReport' })
              : s.event;
        const r = respond(voice, state, event, now, device);
        events += 1;
        const pressed = r.segment?.onsets.some((o) => PRESS_CUES.has(o.cue)) ?? false;
        if (mode.kind === 'afterPain' && !PAIN_CHOICES.has(event.type)) expect(pressed, `no press after pain on ${event.type}`).toBe(false);
        if (event.type === 'segmentDone' && (mode.kind !== 'playing' || stopped)) expect(r.segment, `no pacing from a screen event in ${mode.kind}`).toBeUndefined();
        // Light pressure: the step chosen after pain, or every step once a condition asked for it (diabetes, blood thinners).
        const light = r.state.progress?.light ?? [];
        for (const o of r.segment?.onsets ?? []) {
          if (!r.state.lightAll && !light.includes(o.stepIndex)) continue;
          lightChecked += 1;
          expect(FIRM_CUES.has(o.cue), `${o.cue} in a light step`).toBe(false);
        }
        // The choice to leave out the points avoided in pregnancy: none of them is paced once it is made.
        if (r.state.leaveOut === true && r.outcome.kind === 'segment') {
          const steps = getRoutine(r.outcome.routineId).steps;
          for (const o of r.segment?.onsets ?? []) expect(isPregnancyCaution(steps[o.stepIndex] as Step), `${o.cue} in a step left out`).toBe(false);
          if (r.player?.kind === 'play') expect(isPregnancyCaution(steps[r.player.stepIndex] as Step), 'a stream of a step left out').toBe(false);
          cautionChecked += 1;
        }
        const rendered = renderResponse(r, voice, device);
        if (rendered.shouldEndSession === false) {
          expect(rendered.reprompt, 'an open microphone has a reprompt').toBeDefined();
          expect(asksSomething(renderSsml(r.turn.speech), 'en-US'), `an open microphone asks: ${r.outcome.kind}`).toBe(true);
        }
        if (r.seq !== undefined) lastSeq = r.seq;
        stopped = event.type === 'stop' || event.type === 'sessionEnded' ? true : r.segment ? false : stopped;
        state = r.state;
      }
    }), { seed: SEED, numRuns: CORE_RUNS });
    console.log(`invariants (core): ${sequences} sequences, ${events} events, from modes ${[...modes].sort().join(', ')}; ${lightChecked} cues checked at light pressure, ${cautionChecked} segments with the points left out`);
    expect([...modes].sort()).toEqual([...MODE_KINDS].sort());
    expect(lightChecked).toBeGreaterThan(0);
    expect(cautionChecked).toBeGreaterThan(0);
  });

  it('the skill: one write per request, what is saved is what was rendered, every response valid, with a store that fails', async () => {
    let sequences = 0;
    let requests = 0;
    const INTENTS = ['AMAZON.NextIntent', 'AMAZON.PauseIntent', 'AMAZON.ResumeIntent', 'AMAZON.RepeatIntent', 'AMAZON.YesIntent', 'AMAZON.NoIntent',
      'AMAZON.StopIntent', 'SkipIntent', 'LighterIntent', 'PainIntent', 'PregnantIntent', 'HowLongIntent', 'CurrentPointIntent', 'AMAZON.HelpIntent', 'AMAZON.FallbackIntent',
      'OneFootIntent', 'BothFeetIntent', 'ShorterHoldsIntent', 'LongerHoldsIntent'];
    type Req = { kind: 'intent'; name: string } | { kind: 'start' } | { kind: 'launch' } | { kind: 'ended' } | { kind: 'screen'; stale: boolean } | { kind: 'touch'; arg: string } | { kind: 'report' } | { kind: 'fault'; on: boolean };
    const req: fc.Arbitrary<Req> = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...INTENTS).map((name) => ({ kind: 'intent' as const, name })) },
      { weight: 2, arbitrary: fc.constant({ kind: 'start' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'launch' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'ended' as const }) },
      { weight: 3, arbitrary: fc.boolean().map((stale) => ({ kind: 'screen' as const, stale })) },
      { weight: 1, arbitrary: fc.constantFrom('pause', 'next', 'repeat').map((arg) => ({ kind: 'touch' as const, arg })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'report' as const }) },
      { weight: 1, arbitrary: fc.boolean().map((on) => ({ kind: 'fault' as const, on })) },
    );
    let checkedWrites = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(req, fc.integer({ min: 0, max: 300 })), { minLength: 1, maxLength: 25 }), fc.boolean(), async (reqs, screen) => {
      sequences += 1;
      const memory = new MemoryPersistenceAdapter().records();
      let fault = false;
      let writes = 0;
      let lastWrite: unknown;
      const down = () => new StoreUnavailableError('down', { status: 503 });
      const records: RecordStore = {
        read: async (id) => { if (fault) throw down(); return memory.read(id); },
        write: async (id, state, rev, expect) => { if (fault) throw down(); const ok = await memory.write(id, state, rev, expect); if (ok) { writes += 1; lastWrite = state; } return ok; },
        erase: async (id, tombstone) => { if (fault) throw down(); return memory.erase(id, tombstone); },
      };
      const store = { records: () => records };
      const skill = createSkill({ store });
      let attributes: Record<string, unknown> | undefined;
      let now = T0;
      let last: ResponseEnvelope | undefined;
      let stale: readonly unknown[] | undefined;
      let session = 0;
      for (const [r, afterS] of reqs) {
        if (r.kind === 'fault') { fault = r.on; continue; }
        now += afterS * 1000;
        const opts: EnvelopeOptions = { screen, newSession: attributes === undefined, sessionId: `amzn1.echo-api.session.${session}`, sessionAttributes: attributes ?? {}, timestampMs: now };
        let request: RequestEnvelope;
        switch (r.kind) {
          case 'intent': request = intentRequest(r.name, {}, opts); break;
          case 'start': request = intentRequest('StartRoutineIntent', { routine: 'ankle routine' }, opts); break;
          case 'launch': request = launchRequest({ ...opts, newSession: true, sessionAttributes: {} }); break;
          case 'ended': request = sessionEndedRequest('EXCEEDED_MAX_REPROMPTS', opts); break;
          case 'touch': request = rawRequest('Alexa.Presentation.APL.UserEvent', { token: 'footAcupressure', arguments: [r.arg] }, opts); break;
          case 'report': request = rawRequest('Alexa.Presentation.APL.RuntimeError', { token: 'footAcupressure', errors: [{ type: 'LINK_ERROR', message: 'x' }] }, opts); break;
          case 'screen': {
            const args = r.stale ? stale ?? ['segmentDone', 'footAcupressure', 0] : (last && sendEventArgs(last.response.directives ?? [])) ?? ['segmentDone', 'footAcupressure', 0];
            request = rawRequest('Alexa.Presentation.APL.UserEvent', { token: 'footAcupressure', arguments: args }, opts);
            break;
          }
        }
        const before = attributes ? parseState(attributes.state) : undefined;
        const writesBefore = writes;
        const response = await skill.invoke(request);
        requests += 1;
        await expectValidResponse(response, { ...silenceOf(request), locale: 'en-US' });
        expect(writes - writesBefore, 'at most one store write per request').toBeLessThanOrEqual(1);
        const written = response.sessionAttributes?.state;
        if (writes > writesBefore) {
          expect(lastWrite, 'what is saved is what was rendered').toEqual(persistedView(written as SkillState));
          // Held to the rendered state itself, not only to the function that built the write: nothing of the session
          // is stored, a choice to leave points out only with consent, and the preferences as rendered.
          const saved = lastWrite as Record<string, unknown>;
          const shown = written as SkillState;
          for (const field of SESSION_FIELDS) expect(saved, `${field} is never stored`).not.toHaveProperty(field);
          if (shown.leaveOut === true && shown.keepChoice !== true) expect(saved.leaveOut, 'leaveOut without consent').toBeUndefined();
          expect(saved.prefs).toEqual(shown.prefs);
          checkedWrites += 1;
        }
        // A screen event that paces nothing changes nothing of the routine or of a question. (A store that was down
        // when the session began and answers now brings the user's stored choices in on any request: FUZZ_SEED=118.)
        if (request.request.type === 'Alexa.Presentation.APL.UserEvent' && !response.response.outputSpeech && before) {
          const after = parseState(written);
          expect({ progress: after.progress, pending: after.pending }).toEqual({ progress: before.progress, pending: before.pending });
        }
        if (response.sessionAttributes) expect(Object.keys(response.sessionAttributes).every((k) => k === 'state' || k === 'store')).toBe(true);
        const args = sendEventArgs(response.response.directives ?? []);
        if (args) { stale = last ? sendEventArgs(last.response.directives ?? []) ?? stale : stale; last = response; }
        const ended = response.response.shouldEndSession === true || request.request.type === 'SessionEndedRequest';
        if (ended) { attributes = undefined; session += 1; } else attributes = response.sessionAttributes;
      }
    }), { seed: SEED, numRuns: SKILL_RUNS });
    console.log(`invariants (skill): ${sequences} sequences, ${requests} requests through the real skill, ${checkedWrites} store writes checked`);
    expect(checkedWrites, 'the sequences reach the store').toBeGreaterThan(0);
  }, 240_000);
});
