import { describe, expect, it } from 'vitest';
import { ROUTINES } from '../../src/core/content/routines.js';
import { HOLD_LENGTHS, type HoldLength, type Step } from '../../src/core/content/types.js';
import { MAX_SILENCE_MS } from '../../src/core/limits.js';
import { alternationMs, DEFAULT_PREFERENCES, HALFWAY_MIN_HOLD_MS, planStep, stepDurationMs, SWITCH_FOOT_MS, SWITCH_LEG_MS, switchMs, type Preferences, type TimedCue } from '../../src/core/timeline.js';

const prefs = (holdLength: HoldLength, more: Partial<Preferences> = {}): Preferences => ({ ...DEFAULT_PREFERENCES, holdLength, ...more });
const step = (routine: keyof typeof ROUTINES, id: string): Step => ROUTINES[routine].steps.find((s) => s.id === id) as Step;
const at = (cues: TimedCue[], cue: string) => cues.filter((c) => c.cue === cue).map((c) => c.atMs / 1000);

describe('planStep', () => {
  it('holds KI6 on both feet at once, with a steady word half-way, ten seconds left and a release', () => {
    const cues = planStep(step('ankle', 'ki6'), DEFAULT_PREFERENCES);
    expect(cues.map((c) => [c.atMs / 1000, c.cue])).toEqual([[0, 'pressBoth'], [25, 'steady'], [50, 'tenSecondsLeft'], [60, 'release']]);
    expect(cues[0]?.starts).toBe(true);
  });

  it.each([
    ['short', 60, 30, [30]], ['standard', 90, 60, [60]], ['long', 120, 60, [60]],
  ] as const)('GB40 %s: %i s a foot, light and firm alternate every %i s (so a short hold still turns firm)', (length, seconds, period, firmer) => {
    const s = step('ankle', 'gb40');
    expect(alternationMs(s, prefs(length))).toBe(period * 1000);
    const cues = planStep(s, prefs(length));
    const second = seconds + SWITCH_FOOT_MS / 1000;
    expect(at(cues, 'pressLight')).toEqual([0, second]);
    expect(at(cues, 'firmer')).toEqual([...firmer, ...firmer.map((f) => f + second)]);
    expect(at(cues, 'switchFoot')).toEqual([seconds]);
    expect(at(cues, 'release')).toEqual([2 * seconds + SWITCH_FOOT_MS / 1000]);
  });

  it('BL60: five minutes, letting go for three seconds every thirty; each release is a place to continue', () => {
    const cues = planStep(step('ankle', 'bl60'), DEFAULT_PREFERENCES);
    expect(at(cues, 'letGo')).toEqual([30, 60, 90, 120, 150, 180, 210, 240, 270]);
    expect(at(cues, 'pressAgain')).toEqual([33, 63, 93, 123, 153, 183, 213, 243, 273]);
    expect(at(cues, 'tenSecondsLeft')).toEqual([290]);
    expect(at(cues, 'release')).toEqual([300]);
    expect(cues.filter((c) => c.boundary === 'release')).toHaveLength(9);
    expect(cues.filter((c) => c.starts).map((c) => c.atMs / 1000)).toEqual([0, 33, 63, 93, 123, 153, 183, 213, 243, 273]);
  });

  it('LV3 + GB41: breaths of 10 s (4 in, 6 out), prompted every other breath', () => {
    const cues = planStep(step('heel', 'lv3gb41'), DEFAULT_PREFERENCES);
    expect(at(cues, 'breatheIn').slice(0, 3)).toEqual([6, 26, 46]);
    expect(at(cues, 'breatheOut').slice(0, 3)).toEqual([10, 30, 50]);
    expect(at(cues, 'switchFoot')).toEqual([120]);
  });

  it('leg points move to the other leg, with more time to get there', () => {
    for (const id of ['ki7ki8', 'bl40bl57']) {
      const s = step('heel', id);
      expect(switchMs(s)).toBe(SWITCH_LEG_MS);
      const cues = planStep(s, DEFAULT_PREFERENCES);
      expect(at(cues, 'switchLeg')).toEqual([60]);
      expect(at(cues, 'switchFoot')).toEqual([]);
      expect(at(cues, 'pressPair')).toEqual([0, 60 + SWITCH_LEG_MS / 1000]);
    }
  });

  it('closes strokes and the ball hold with "ease off", holds with "release"', () => {
    expect(planStep(step('lowBack', 'arch'), DEFAULT_PREFERENCES).at(-1)?.cue).toBe('easeOff');
    expect(planStep(step('ballRelease', 'ball'), DEFAULT_PREFERENCES).at(-1)?.cue).toBe('easeOff');
    expect(planStep(step('heel', 'shimian'), DEFAULT_PREFERENCES).at(-1)?.cue).toBe('release');
  });

  it('ball release holds 3 to 5 minutes a foot with steady reminders that may continue a long hold', () => {
    expect(stepDurationMs(step('ballRelease', 'ball'), prefs('short'))).toBe((180 * 2 + 12) * 1000);
    const cues = planStep(step('ballRelease', 'ball'), prefs('long'));
    expect(at(cues, 'ballKeep').slice(0, 4)).toEqual([45, 90, 135, 180]);
    expect(cues.filter((c) => c.cue === 'oneMinuteLeft').map((c) => c.atMs / 1000)).toEqual([240, 552]);
    expect(cues.filter((c) => c.cue === 'ballKeep').every((c) => c.boundary === 'hold')).toBe(true);
  });

  it('drops countdown cues when the countdown is off, and chimes when chimes are off', () => {
    const cues = planStep(step('ankle', 'gb40'), prefs('long', { countdown: false, chimes: false }));
    expect(at(cues, 'tenSecondsLeft')).toEqual([]);
    expect(cues.some((c) => c.chime)).toBe(false);
  });

  it('BL60: a halfway word in the quiet between a press and the next release, never crowding either', () => {
    const cues = planStep(step('ankle', 'bl60'), DEFAULT_PREFERENCES);
    expect(at(cues, 'halfway')).toEqual([144]);
  });

  it('fills a long quiet in the step\'s own technique: stroking, circling or the ball, never "keep holding"', () => {
    for (const h of HOLD_LENGTHS) {
      expect(planStep(step('lowBack', 'arch'), prefs(h)).filter((c) => c.cue === 'steady'), `arch ${h}`).toEqual([]);
      expect(planStep(step('ballRelease', 'ball'), prefs(h)).filter((c) => c.cue === 'steady'), `ball ${h}`).toEqual([]);
      expect(planStep(step('ankle', 'bl62'), prefs(h)).filter((c) => c.cue === 'steady'), `bl62 ${h}`).toEqual([]);
    }
    expect(at(planStep(step('lowBack', 'arch'), prefs('long')), 'keepStroking').length).toBeGreaterThan(0);
  });

  it('has no timeline for untimed preparation steps', () => {
    expect(planStep(step('preparation', 'soak'), DEFAULT_PREFERENCES)).toEqual([]);
  });

  const variants = HOLD_LENGTHS.flatMap((h) => [[h, prefs(h)], [`${h}, quiet`, prefs(h, { countdown: false, chimes: false })]] as const);
  describe.each(variants)('every timed step at %s', (_, p) => {
    const all = Object.values(ROUTINES).flatMap((r) => (r.steps as readonly Step[]).map((s) => [`${r.id}/${s.id}`, s] as const)).filter(([, s]) => 'holdSec' in s);
    it.each(all)('%s: ordered cues within the article timings, never a silence over the cap', (_, s) => {
      const cues = planStep(s, p);
      const hold = (s.holdSec?.[p.holdLength] ?? 0) * 1000;
      expect(hold).toBeGreaterThanOrEqual(30_000);
      expect(hold).toBeLessThanOrEqual(300_000);
      for (let i = 1; i < cues.length; i += 1) {
        expect(cues[i]!.atMs).toBeGreaterThan(cues[i - 1]!.atMs);
        expect(cues[i]!.atMs - cues[i - 1]!.atMs, `${cues[i - 1]!.cue} → ${cues[i]!.cue}`).toBeLessThanOrEqual(MAX_SILENCE_MS);
      }
      const sides = s.side === 'each' ? 2 : 1;
      expect(cues.at(-1)?.atMs).toBe(sides * hold + (sides - 1) * switchMs(s));
    });

    it.each(all)('%s: a hold of two minutes or more says "halfway" once, near its middle, clear of every other cue', (_, s) => {
      const cues = planStep(s, p);
      const hold = (s.holdSec?.[p.holdLength] ?? 0) * 1000;
      const halfways = cues.filter((c) => c.cue === 'halfway');
      const sides = s.side === 'each' ? 2 : 1;
      if (hold < HALFWAY_MIN_HOLD_MS) { expect(halfways).toEqual([]); return; }
      expect(halfways).toHaveLength(sides);
      halfways.forEach((h, side) => {
        const start = side * (hold + switchMs(s));
        expect(Math.abs(h.atMs - (start + hold / 2)), `${h.atMs}`).toBeLessThanOrEqual(15_000);
        for (const other of cues) if (other !== h) expect(Math.abs(other.atMs - h.atMs), `${other.cue} at ${other.atMs}`).toBeGreaterThanOrEqual(6_000);
      });
    });
  });
});
