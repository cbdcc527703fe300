/**
 * Shorter setups for a returning user: the first run of a routine says each step's full setup, a later run (the
 * routine heard before) the short one, step after step, in every language; "where is it?" still gives the whole
 * placement; and only the words before the first press change: every cue of the hold lands where the plan puts it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import routines from '../../locales/en/routines.json';
import points from '../../locales/en/points.json';
import gbRoutines from '../../locales/en-GB/routines.json';
import frRoutines from '../../locales/fr/routines.json';
import { loadVoice } from '../../src/alexa/i18n.js';
import { CUE_TOLERANCE_MS } from '../../src/core/limits.js';
import { respond } from '../../src/core/respond.js';
import { INITIAL_STATE, type SkillState } from '../../src/core/state.js';
import type { Voice } from '../../src/core/voice.js';
import { CheckedConversation } from '../support/talk.js';
import { fill } from '../support/words.js';

const setupOf = (text: string) => fill(text, { every: 'every minute' });

describe('conversation: a returning user hears the short setups', () => {
  it('says the full setup on the first run and the short one on the second, for every step it reaches', async () => {
    const c = new CheckedConversation();
    await c.say('start the ankle routine');
    const first = await c.say('no');
    expect(first.text).toContain(routines.ankle.steps.ki6.setup);
    expect(first.text).not.toContain(routines.ankle.steps.ki6.setupShort);
    const firstNext = await c.say('skip this one', { afterMs: 10_000 });
    expect(firstNext.text).toContain(setupOf(routines.ankle.steps.gb40.setup));

    const second = await c.say('start the ankle routine');
    expect(second.text).toMatch(new RegExp(`^${fill(routines.ankle.introShort, { minutes: '\\d+' })}`));
    expect(second.text).toContain(routines.ankle.steps.ki6.setupShort);
    expect(second.text).not.toContain(routines.ankle.steps.ki6.setup);
    // The next step of the returning run is short too, and "where is it?" gives the whole placement.
    const skipped = await c.say('skip this one', { afterMs: 10_000 });
    expect(skipped.text).toContain(setupOf(routines.ankle.steps.gb40.setupShort));
    expect(skipped.text).not.toContain(setupOf(routines.ankle.steps.gb40.setup));
    const where = await c.say('where is it', { afterMs: 20_000 });
    expect(where.text).toContain(points.GB40.location);
  });

  it('keeps the markets\' own words in the short setups, and says them in French', async () => {
    const gb = new CheckedConversation({ envelope: { locale: 'en-GB' } });
    await gb.say('start the heel routine');
    await gb.say('no');
    await gb.say('start the heel routine');
    // Four skips to the Shimian step: its short setup in British words.
    let r = gb.replies.at(-1)!;
    for (let i = 0; i < 4; i += 1) r = await gb.say('skip this one', { afterMs: 10_000 });
    expect(gbRoutines.heel.steps.shimian.setupShort).toContain('anticlockwise');
    expect(r.text).toContain(gbRoutines.heel.steps.shimian.setupShort);
    const fr = new CheckedConversation({ envelope: { locale: 'fr-FR' } });
    await fr.say('lance la routine des chevilles');
    await fr.say('non');
    const again = await fr.say('lance la routine des chevilles');
    expect(again.text).toContain(frRoutines.ankle.steps.ki6.setupShort);
  });

  it('answers "where is it" on a step without a point with the full setup on a returning run', async () => {
    const c = new CheckedConversation();
    await c.say('start the arch massage for the low back');
    await c.say('start the arch massage for the low back');
    const where = await c.say('where is it', { afterMs: 15_000 });
    expect(where.text).toContain(routines.lowBack.steps.arch.setup);
    expect(where.text).not.toContain(common.aside.noPoint);
  });
});

describe('the paced timeline of a returning run', () => {
  let voice: Voice;
  beforeAll(async () => { voice = await loadVoice('en-US'); });
  const T = Date.parse('2026-12-07T09:00:00Z');
  const startOf = (state: SkillState) => respond(voice, state, { type: 'start', routineId: 'heel' }, T, { screen: false });

  it('moves only the first press: the hold\'s cues stay on the plan, their offsets from the press unchanged', () => {
    const first = startOf({ ...INITIAL_STATE, leaveOut: false, disclaimed: true });
    const again = startOf({ ...INITIAL_STATE, leaveOut: false, disclaimed: true, heard: ['heel'] });
    expect(first.state.progress?.returning).toBeUndefined();
    expect(again.state.progress?.returning).toBe(true);
    const [a, b] = [first.segment!, again.segment!];
    // The short words reach the first press sooner…
    const pressOf = (s: typeof a) => s.onsets.find((o) => o.stepIndex === 0 && o.plannedMs === 0)!.realMs;
    expect(pressOf(b)).toBeLessThan(pressOf(a));
    // …and from there the hold is the same plan, each cue within the tolerance of its planned offset.
    const common0 = Math.min(a.onsets.length, b.onsets.length);
    expect(b.onsets.slice(0, common0).map((o) => [o.stepIndex, o.cue, o.plannedMs])).toEqual(a.onsets.slice(0, common0).map((o) => [o.stepIndex, o.cue, o.plannedMs]));
    for (const o of [...a.onsets, ...b.onsets]) expect(Math.abs(o.estimatedMs - o.plannedMs), `${o.cue} at ${o.plannedMs}`).toBeLessThanOrEqual(CUE_TOLERANCE_MS);
    const pressA = pressOf(a);
    const pressB = pressOf(b);
    for (let i = 0; i < common0; i += 1) {
      const [x, y] = [a.onsets[i]!, b.onsets[i]!];
      if (x.stepIndex !== 0) break;
      expect(Math.abs((y.realMs - pressB) - (x.realMs - pressA)), `${x.cue} at ${x.plannedMs}`).toBeLessThanOrEqual(CUE_TOLERANCE_MS);
    }
  });
});
