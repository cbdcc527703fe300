/**
 * Pacing through the real words of every locale: each routine at each preference is walked response by
 * response, as a user who hears every answer to the end and says "next" where the skill asks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVoice } from '../../src/alexa/i18n.js';
import { SUPPORTED_LOCALES } from '../../src/alexa/locales.js';
import { ROUTINE_IDS, type RoutineId } from '../../src/core/content/types.js';
import { CUE_TOLERANCE_MS, MAX_RESPONSE_AUDIO_MS, TURN_GAP_MS } from '../../src/core/limits.js';
import { paceResponse, PacingError } from '../../src/core/pacing.js';
import { planRoutine } from '../../src/core/plan.js';
import { respond, type Response } from '../../src/core/respond.js';
import type { RoutineEvent } from '../../src/core/events.js';
import { estimateMs, renderSsml } from '../../src/core/speech.js';
import { INITIAL_STATE, type SkillState } from '../../src/core/state.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/core/timeline.js';
import type { Voice } from '../../src/core/voice.js';
import { breaksOf } from '../../tools/ssml.js';
import { expectValidSsml } from '../support/response-checks.js';

/** Longest silence a listener should sit through (issue 10: none over a minute), in ms. */
const MAX_QUIET_MS = 60_000;

/** `nexts`: how often the user says "next"; `continues`: "continue" after an untimed step, which ends the session on purpose. */
interface Walk { readonly responses: Response[]; readonly nexts: number; readonly continues: number; readonly audioMs: number }

/** Starts a routine and says "next" (or, after an untimed step, "continue") until it ends. */
function walk(voice: Voice, routineId: RoutineId, prefs: Preferences, device = { screen: false }): Walk {
  let state: SkillState = { ...INITIAL_STATE, prefs, leaveOut: false, disclaimed: true, heard: [...ROUTINE_IDS] };
  let now = Date.parse('2026-12-01T09:00:00Z');
  const responses: Response[] = [];
  let event: RoutineEvent = { type: 'start', routineId };
  let nexts = 0;
  let continues = 0;
  for (let i = 0; i < 60; i += 1) {
    const r = respond(voice, state, event, now, device);
    responses.push(r);
    state = r.state;
    if (!r.segment || r.segment.ending === 'done') break;
    now += r.segment.estimatedMs + TURN_GAP_MS;
    event = r.segment.ending === 'untimed' ? { type: 'resume' } : device.screen ? { type: 'segmentDone', seq: r.seq } : { type: 'next' };
    if (event.type === 'next') nexts += 1;
    else if (event.type === 'resume') continues += 1;
  }
  return { responses, nexts, continues, audioMs: responses.reduce((sum, r) => sum + (r.segment?.estimatedMs ?? 0), 0) };
}

const variants: [string, Preferences][] = [
  ['standard', DEFAULT_PREFERENCES],
  ['short', { ...DEFAULT_PREFERENCES, holdLength: 'short' }],
  ['long', { ...DEFAULT_PREFERENCES, holdLength: 'long' }],
  ['long, quiet (no chimes, no countdown)', { ...DEFAULT_PREFERENCES, holdLength: 'long', chimes: false, countdown: false }],
  ['slow pace', { ...DEFAULT_PREFERENCES, pace: 'slow' }],
  ['wait between points', { ...DEFAULT_PREFERENCES, waitBetweenSteps: true }],
];

const voices = new Map<string, Voice>();
beforeAll(async () => {
  for (const locale of SUPPORTED_LOCALES) for (const pace of ['normal', 'slow'] as const) voices.set(`${locale}|${pace}`, await loadVoice(locale, pace));
});
const voiceOf = (locale: string, prefs: Preferences) => voices.get(`${locale}|${prefs.pace}`) as Voice;

const counts: string[] = [];
afterAll(() => { if (counts.length) console.log(`"next" per routine (target: ≤ ⌈audio ÷ ${MAX_RESPONSE_AUDIO_MS / 1000} s⌉), en-US:\n${counts.join('\n')}`); });

describe.each(SUPPORTED_LOCALES)('pacing in %s', (locale) => {
  describe.each(variants)('at %s', (name, prefs) => {
    it.each(ROUTINE_IDS)('%s: every cue once, on plan ±1 s, in valid responses within the budget, no silence over a minute', async (routineId) => {
      const voice = voiceOf(locale, prefs);
      const { responses, nexts, continues, audioMs } = walk(voice, routineId, prefs);
      const plan = planRoutine(routineId, prefs, false);
      const spoken = responses.flatMap((r) => r.segment?.onsets ?? []);
      expect(spoken.map((o) => `${o.stepIndex}:${o.plannedMs}:${o.cue}`)).toEqual(plan.steps.flatMap((s) => s.cues.map((c) => `${s.index}:${c.atMs}:${c.cue}`)));
      for (const onset of spoken) {
        expect(Math.abs(onset.estimatedMs - onset.plannedMs), `${onset.cue} of step ${onset.stepIndex} at ${onset.plannedMs} ms`).toBeLessThanOrEqual(CUE_TOLERANCE_MS);
      }
      for (const r of responses) {
        const segment = r.segment!;
        expect(segment.estimatedMs).toBeLessThanOrEqual(MAX_RESPONSE_AUDIO_MS);
        expect(estimateMs(segment.parts, voice.rate)).toBeCloseTo(segment.estimatedMs, -1);
        const ssml = `<speak>${renderSsml(r.turn.speech, { ratePercent: voice.ratePercent })}</speak>`;
        await expectValidSsml(ssml, locale);
        let quiet = 0;
        for (const token of ssml.split(/(<[^>]+>)/)) {
          const b = breaksOf(token)[0];
          if (b !== undefined) quiet += b;
          else if (token.trim() && !token.startsWith('<')) quiet = 0;
          expect(quiet).toBeLessThan(MAX_QUIET_MS);
        }
      }
      const target = Math.ceil(audioMs / MAX_RESPONSE_AUDIO_MS);
      if (!prefs.waitBetweenSteps) expect(nexts, `${routineId}: ${nexts} "next" for ${Math.round(audioMs / 1000)} s of audio`).toBeLessThanOrEqual(target);
      else expect(nexts + continues).toBeGreaterThanOrEqual(plan.steps.length - 1);
      // Untimed steps (the foot soak) end the session on purpose, with how to come back.
      expect(continues).toBe(responses.filter((r) => r.segment?.ending === 'untimed').length);
      for (const r of responses.filter((x) => x.segment?.ending === 'untimed')) expect(r.turn.end).toBe(true);
      if (locale === 'en-US') counts.push(`  ${routineId.padEnd(12)} ${name.padEnd(38)} ${String(nexts).padStart(2)} "next" for ${Math.round(audioMs / 1000)} s of audio (target ≤ ${target})`);
    });
  });
});

describe('halfway', () => {
  it.each(SUPPORTED_LOCALES)('%s: the five-minute BL60 hold says its halfway word on plan, between a press and the next let-go', async (locale) => {
    const voice = voiceOf(locale, DEFAULT_PREFERENCES);
    const onsets = walk(voice, 'ankle', DEFAULT_PREFERENCES).responses.flatMap((r) => r.segment?.onsets ?? []);
    const halfway = onsets.filter((o) => o.cue === 'halfway');
    expect(halfway.map((o) => [o.stepIndex, o.plannedMs])).toEqual([[2, 144_000]]);
    expect(Math.abs(halfway[0]!.estimatedMs - halfway[0]!.plannedMs)).toBeLessThanOrEqual(CUE_TOLERANCE_MS);
    const next = onsets[onsets.indexOf(halfway[0]!) + 1]!;
    expect(next.cue).toBe('letGo');
    // The words end before the let-go is due.
    expect(halfway[0]!.estimatedMs + estimateMs(halfway[0]!.words, voice.rate)).toBeLessThan(next.plannedMs);
  });
});

describe('paceResponse', () => {
  it('on a screen, ends every response at the end of its step, with no word to say, so the screen carries on', async () => {
    const voice = await loadVoice('en-US');
    const { responses, nexts } = walk(voice, 'ankle', DEFAULT_PREFERENCES, { screen: true });
    expect(nexts).toBe(0);
    expect(responses.at(-1)?.segment?.ending).toBe('done');
    for (const r of responses) expect(new Set(r.segment?.onsets.map((o) => o.stepIndex)).size).toBe(1);
    expect(responses.every((r) => !JSON.stringify(r.turn.speech).includes('say next'))).toBe(true);
  });

  it('gives time to find the point after each introduction, longer at the slow pace', async () => {
    const normal = walk(await loadVoice('en-US'), 'ankle', DEFAULT_PREFERENCES).responses[0]!.turn.speech;
    const slow = walk(await loadVoice('en-US', 'slow'), 'ankle', { ...DEFAULT_PREFERENCES, pace: 'slow' }).responses[0]!.turn.speech;
    const findPause = (speech: typeof normal) => {
      const i = speech.findIndex((p) => p.kind === 'audio');
      const before = speech[i - 1];
      return before?.kind === 'pause' ? before.ms : 0;
    };
    expect(findPause(normal)).toBeGreaterThanOrEqual(3_000);
    expect(findPause(slow)).toBeGreaterThan(findPause(normal));
  });

  it('caps chimes at the audio-tag limit and keeps the cues on time without them', async () => {
    const voice = await loadVoice('en-US');
    const plan = planRoutine('ankle', DEFAULT_PREFERENCES, false);
    const words = { intro: () => [], reminder: () => [], cue: () => [], repress: () => [], stepDone: () => [], untimed: () => [], prompt: () => [], routineDone: () => [] };
    const segment = paceResponse({
      plan, entry: { stepIndex: 2, atMs: 0, firstCue: 0, words: 'none', repress: false }, lead: [], words, rate: voice.rate,
      chime: { src: 'soundbank://x', ms: 1500 }, findPointMs: { afterIntro: 0, afterReminder: 0 }, budgetMs: 1_000_000,
    });
    expect(segment.parts.filter((p) => p.kind === 'audio')).toHaveLength(5);
    for (const o of segment.onsets) expect(Math.abs(o.estimatedMs - o.plannedMs)).toBeLessThanOrEqual(CUE_TOLERANCE_MS);
  });

  it('throws when nothing fits the budget, rather than sending an over-long response', async () => {
    const voice = await loadVoice('en-US');
    const plan = planRoutine('ballRelease', DEFAULT_PREFERENCES, false);
    const words = { intro: () => [], reminder: () => [], cue: () => [], repress: () => [], stepDone: () => [], untimed: () => [], prompt: () => [], routineDone: () => [] };
    expect(() => paceResponse({ plan, entry: { stepIndex: 0, atMs: 0, firstCue: 0, words: 'none', repress: false }, lead: [], words, rate: voice.rate,
      findPointMs: { afterIntro: 0, afterReminder: 0 }, budgetMs: 10_000 })).toThrow(PacingError);
  });
});
