import { describe, expect, it } from 'vitest';
import { ROUTINES } from '../../src/core/content/routines.js';
import { HOLD_LENGTHS, type HoldLength, type Step } from '../../src/core/content/types.js';
import { DEFAULT_PREFERENCES, planStep, stepDurationMs, SWITCH_FOOT_MS, type TimedCue } from '../../src/core/timeline.js';

const prefs = (holdLength: HoldLength, more: Partial<typeof DEFAULT_PREFERENCES> = {}) => ({ ...DEFAULT_PREFERENCES, holdLength, ...more });
const step = (routine: keyof typeof ROUTINES, id: string): Step => ROUTINES[routine].steps.find((s) => s.id === id) as Step;
const at = (cues: TimedCue[], cue: string) => cues.filter((c) => c.cue === cue).map((c) => c.atMs / 1000);

describe('planStep', () => {
  it('holds KI6 on both feet at once, with ten seconds left and a release', () => {
    const cues = planStep(step('ankle', 'ki6'), DEFAULT_PREFERENCES);
    expect(cues.map((c) => [c.atMs, c.cue])).toEqual([[0, 'pressBoth'], [50_000, 'tenSecondsLeft'], [60_000, 'release']]);
  });

  it.each([
    ['short', 60, []], ['standard', 90, [60]], ['long', 120, [60]],
  ] as const)('GB40 %s: %i s a foot, lighter/firmer every 60 s, then the other foot', (length, seconds, switches) => {
    const cues = planStep(step('ankle', 'gb40'), prefs(length));
    const second = seconds + SWITCH_FOOT_MS / 1000;
    expect(at(cues, 'pressLight')).toEqual([0, second]);
    expect(at(cues, 'firmer')).toEqual([...switches, ...switches.map((s) => s + second)]);
    expect(at(cues, 'switchFoot')).toEqual([seconds]);
    expect(at(cues, 'release')).toEqual([2 * seconds + SWITCH_FOOT_MS / 1000]);
    expect(at(cues, 'tenSecondsLeft')).toEqual([seconds - 10, second + seconds - 10]);
  });

  it('BL60: five minutes, letting go for three seconds every thirty', () => {
    const cues = planStep(step('ankle', 'bl60'), DEFAULT_PREFERENCES);
    expect(at(cues, 'letGo')).toEqual([30, 60, 90, 120, 150, 180, 210, 240, 270]);
    expect(at(cues, 'pressAgain')).toEqual([33, 63, 93, 123, 153, 183, 213, 243, 273]);
    expect(at(cues, 'oneMinuteLeft')).toEqual([]); // 240 s is taken by a release
    expect(at(cues, 'tenSecondsLeft')).toEqual([290]);
    expect(at(cues, 'release')).toEqual([300]);
    expect(cues.filter((c) => c.boundary === 'release')).toHaveLength(9);
  });

  it('LV3 + GB41: two minutes a foot of firm pressure with slow-breath prompts', () => {
    const cues = planStep(step('heel', 'lv3gb41'), DEFAULT_PREFERENCES);
    expect(at(cues, 'breatheIn').slice(0, 3)).toEqual([5, 25, 45]);
    expect(at(cues, 'breatheOut').slice(0, 3)).toEqual([10, 30, 50]);
    expect(at(cues, 'switchFoot')).toEqual([120]);
    expect(at(cues, 'release')).toEqual([252]);
  });

  it('reducing technique circles counter-clockwise with reminders', () => {
    const cues = planStep(step('ankle', 'bl62'), DEFAULT_PREFERENCES);
    expect(at(cues, 'circles')).toEqual([0, 102]);
    expect(at(cues, 'keepCircling')).toEqual([30, 60, 132, 162]);
  });

  it('ball release holds 3 to 5 minutes a foot with steady reminders that may continue a long hold', () => {
    expect(stepDurationMs(step('ballRelease', 'ball'), prefs('short'))).toBe((180 * 2 + 12) * 1000);
    const cues = planStep(step('ballRelease', 'ball'), prefs('long'));
    expect(at(cues, 'ballKeep')).toEqual([60, 120, 180, 372, 432, 492]);
    // "One minute left" takes the place of the reminder at 4 minutes, and keeps its boundary.
    expect(cues.filter((c) => c.cue === 'oneMinuteLeft').map((c) => [c.atMs / 1000, c.boundary])).toEqual([[240, 'hold'], [552, 'hold']]);
  });

  it('drops countdown cues when the countdown is off, and chimes when chimes are off', () => {
    const cues = planStep(step('ankle', 'gb40'), prefs('long', { countdown: false, chimes: false }));
    expect(at(cues, 'tenSecondsLeft')).toEqual([]);
    expect(cues.some((c) => c.chime)).toBe(false);
  });

  it('has no timeline for untimed preparation steps', () => {
    expect(planStep(step('preparation', 'soak'), DEFAULT_PREFERENCES)).toEqual([]);
  });

  describe.each(HOLD_LENGTHS)('every timed step at %s holds', (length) => {
    const all = Object.values(ROUTINES).flatMap((r) => r.steps.map((s) => [r.id, s] as const)).filter(([, s]) => 'holdSec' in s);
    it.each(all.map(([r, s]) => [`${r}/${s.id}`, s]))('%s: cues are ordered, spaced and within the article timings', (_, s) => {
      const cues = planStep(s as Step, prefs(length));
      const hold = ((s as Step).holdSec?.[length] ?? 0) * 1000;
      expect(hold).toBeGreaterThanOrEqual(30_000);
      expect(hold).toBeLessThanOrEqual(300_000);
      for (let i = 1; i < cues.length; i += 1) expect(cues[i]!.atMs).toBeGreaterThan(cues[i - 1]!.atMs);
      const perFoot = (s as Step).side === 'each' ? 2 : 1;
      expect(cues.at(-1)).toMatchObject({ cue: 'release', atMs: perFoot * hold + (perFoot - 1) * SWITCH_FOOT_MS });
    });
  });
});
