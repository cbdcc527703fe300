/**
 * A voice worth twenty minutes: no short sentence is said more than six times in one routine. Every routine is
 * walked response by response (as a listener who hears each answer to the end and says "next" where asked), at
 * the default preferences and with long holds, in every locale; every spoken sentence of up to eight words is
 * counted. The breathing prompts are exempt: they are meant to repeat, like a metronome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVoice } from '../../src/alexa/i18n.js';
import { SUPPORTED_LOCALES } from '../../src/alexa/locales.js';
import { ROUTINE_IDS, type RoutineId } from '../../src/core/content/types.js';
import { TURN_GAP_MS } from '../../src/core/limits.js';
import { respond, type Response } from '../../src/core/respond.js';
import type { RoutineEvent } from '../../src/core/events.js';
import type { Speech } from '../../src/core/speech.js';
import { INITIAL_STATE, type SkillState } from '../../src/core/state.js';
import { CUE_VARIANTS } from '../../src/core/variants.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/core/timeline.js';
import type { Voice } from '../../src/core/voice.js';

/** At most this many times per routine for one short sentence. */
const MAX_REPEATS = 6;
/** A sentence of at most this many words counts as a short (cue-like) sentence. */
const SHORT_WORDS = 8;

/** Every response of a routine, from its start to its end, as a user who says "next" (or "continue" after the soak). */
function walk(voice: Voice, routineId: RoutineId, prefs: Preferences, firstTime: boolean): Response[] {
  let state: SkillState = { ...INITIAL_STATE, prefs, leaveOut: false, disclaimed: !firstTime, heard: firstTime ? [] : [...ROUTINE_IDS] };
  let now = Date.parse('2026-12-01T09:00:00Z');
  const responses: Response[] = [];
  let event: RoutineEvent = { type: 'start', routineId };
  for (let i = 0; i < 60; i += 1) {
    const r = respond(voice, state, event, now, { screen: false });
    responses.push(r);
    state = r.state;
    if (!r.segment || r.segment.ending === 'done') break;
    now += r.segment.estimatedMs + TURN_GAP_MS;
    event = r.segment.ending === 'untimed' ? { type: 'resume' } : { type: 'next' };
  }
  return responses;
}

const textOf = (speech: Speech): string => speech.map((p) => (p.kind === 'text' || p.kind === 'phoneme' ? p.text : ' ')).join(' ');
/** Sentences as a listener hears them: split after . ? ! (a decimal point in a code such as "B.L. 60" stays). */
const sentencesOf = (value: string): string[] =>
  value.split(/(?<=[.?!])\s+(?=[^a-z0-9])/u).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);

const variants: [string, Preferences][] = [
  ['standard', DEFAULT_PREFERENCES],
  ['long', { ...DEFAULT_PREFERENCES, holdLength: 'long' }],
];

const voices = new Map<string, Voice>();
beforeAll(async () => {
  for (const locale of SUPPORTED_LOCALES) voices.set(locale, await loadVoice(locale));
});

const report: string[] = [];
afterAll(() => {
  if (report.length) console.log(`Short sentences said most often per routine (≤ ${MAX_REPEATS} allowed), en-US:\n${report.join('\n')}`);
});

describe.each(SUPPORTED_LOCALES)('repetition in %s', (locale) => {
  describe.each(variants)('at %s holds', (name, prefs) => {
    it.each(ROUTINE_IDS)(`%s: no short sentence more than ${MAX_REPEATS} times (breathing exempt)`, (routineId) => {
      const voice = voices.get(locale) as Voice;
      const breathing = new Set(['breatheIn', 'breatheOut'].flatMap((cue) =>
        Array.from({ length: CUE_VARIANTS[cue as 'breatheIn'] }, (_, i) => voice.t(`cues:${cue as 'breatheIn'}.${i as 0}`))));
      const counts = new Map<string, number>();
      for (const r of walk(voice, routineId, prefs, false)) {
        for (const sentence of sentencesOf(textOf(r.turn.speech))) {
          if (breathing.has(sentence) || sentence.split(' ').length > SHORT_WORDS) continue;
          counts.set(sentence, (counts.get(sentence) ?? 0) + 1);
        }
      }
      const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
      if (locale === 'en-US') report.push(`  ${routineId.padEnd(12)} ${name.padEnd(9)} ${top.map(([s, n]) => `${n}× "${s}"`).join(', ')}`);
      for (const [sentence, n] of top) expect(n, `"${sentence}" in ${routineId}`).toBeLessThanOrEqual(MAX_REPEATS);
    });
  });
});

describe('cue wordings', () => {
  it('vary within a routine: the heel routine says more than one countdown and steady wording', async () => {
    const voice = await loadVoice('en-US');
    const said = walk(voice, 'heel', DEFAULT_PREFERENCES, false).map((r) => textOf(r.turn.speech)).join(' ');
    for (const cue of ['tenSecondsLeft', 'steady'] as const) {
      const heard = Array.from({ length: CUE_VARIANTS[cue] }, (_, i) => voice.t(`cues:${cue}.${i as 0}`)).filter((w) => said.includes(w));
      expect(heard.length, cue).toBeGreaterThanOrEqual(3);
    }
  });

  it('are the same at the same place every time (a pure function of the plan)', async () => {
    const voice = await loadVoice('en-US');
    const once = walk(voice, 'ankle', DEFAULT_PREFERENCES, false).map((r) => textOf(r.turn.speech));
    const again = walk(voice, 'ankle', DEFAULT_PREFERENCES, false).map((r) => textOf(r.turn.speech));
    expect(again).toEqual(once);
  });
});

describe('cueVariant', () => {
  it('goes round the wordings by the cue\'s ordinal in the routine: counts of any two wordings differ by at most one', async () => {
    const { planRoutine } = await import('../../src/core/plan.js');
    const { cueVariant } = await import('../../src/core/variants.js');
    for (const routineId of ROUTINE_IDS) {
      for (const [, prefs] of variants) {
        const plan = planRoutine(routineId, prefs, false);
        const byCue = new Map<string, number[]>();
        for (const s of plan.steps) {
          for (const cue of s.cues) {
            const counts = byCue.get(cue.cue) ?? Array.from({ length: CUE_VARIANTS[cue.cue] }, () => 0);
            counts[cueVariant(plan, s.index, cue)]! += 1;
            byCue.set(cue.cue, counts);
          }
        }
        for (const [cue, counts] of byCue) expect(Math.max(...counts) - Math.min(...counts), `${routineId} ${cue}: ${counts.join(',')}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
