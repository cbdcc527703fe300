import { describe, expect, it } from 'vitest';
import cueWords from '../../locales/en-US/cues.json';
import { ROUTINES } from '../../src/core/content/routines.js';
import { HOLD_LENGTHS, type Step } from '../../src/core/content/types.js';
import { CUE_TOLERANCE_MS, MAX_RESPONSE_AUDIO_MS, TURN_GAP_MS } from '../../src/core/limits.js';
import { paceStep, PacingError, type PaceInput } from '../../src/core/pacing.js';
import { CUE_CHIME } from '../../src/core/sounds.js';
import { estimateMs, renderSsml, SPEECH_RATES, text, type Speech } from '../../src/core/speech.js';
import { DEFAULT_PREFERENCES, planStep, SWITCH_FOOT_MS, type Preferences, type TimedCue } from '../../src/core/timeline.js';
import { expectValidSsml } from '../support/response-checks.js';

const rate = SPEECH_RATES['en-US']!;
const words = (cue: TimedCue): Speech => [text((cueWords as Record<string, unknown>)[cue.cue] as string)];
const intro: Speech = [text('The Shining Sea point. Put one thumb on each inner ankle, a thumb width below the bone. Get into position.')];

function input(step: Step, prefs: Preferences, budgetMs = MAX_RESPONSE_AUDIO_MS): PaceInput {
  return {
    intro, cues: planStep(step, prefs), say: words,
    continuePrompt: (b) => [text(cueWords.continue[b])],
    closing: [text(cueWords.stepDone)],
    rate, ...(prefs.chimes ? { chime: CUE_CHIME } : {}), budgetMs,
  };
}

const timed = Object.values(ROUTINES).flatMap((r) => r.steps.filter((s) => 'holdSec' in s).map((s) => [`${r.id}/${s.id}`, s as Step] as const));
const variants: [string, Preferences][] = HOLD_LENGTHS.flatMap((holdLength) => [
  [`${holdLength}`, { ...DEFAULT_PREFERENCES, holdLength }] as [string, Preferences],
  [`${holdLength}, quiet`, { holdLength, chimes: false, countdown: false }] as [string, Preferences],
]);

describe('paceStep', () => {
  describe.each(variants)('at %s holds', (_, prefs) => {
    it.each(timed)('%s: every cue starts within ±1 s of the plan, in responses within the limits', async (_, step) => {
      const cues = planStep(step, prefs);
      const segments = paceStep(input(step, prefs));
      const onsets = segments.flatMap((s) => s.onsets);
      expect(onsets.map((o) => o.cue)).toEqual(cues.map((c) => c.cue));
      for (const onset of onsets) {
        expect(Math.abs(onset.estimatedMs - onset.plannedMs), `${onset.cue} at ${onset.plannedMs}`).toBeLessThanOrEqual(CUE_TOLERANCE_MS);
      }
      for (const segment of segments) {
        expect(segment.estimatedMs).toBeLessThanOrEqual(MAX_RESPONSE_AUDIO_MS);
        expect(estimateMs(segment.parts, rate)).toBe(segment.estimatedMs);
        await expectValidSsml(`<speak>${renderSsml(segment.parts)}</speak>`);
      }
      expect(segments.at(-1)?.boundary).toBeUndefined();
      segments.slice(0, -1).forEach((s) => expect(s.boundary).toBeDefined());
    });
  });

  it('splits the five-minute BL60 hold at a release, and the next response starts with the press', () => {
    const bl60 = ROUTINES.ankle.steps[2] as Step;
    const segments = paceStep(input(bl60, DEFAULT_PREFERENCES));
    expect(segments.length).toBe(2);
    expect(segments[0]!.boundary).toBe('release');
    expect(segments[0]!.onsets.at(-1)!.cue).toBe('letGo');
    expect(segments[1]!.onsets[0]).toMatchObject({ cue: 'pressAgain' });
    expect(segments[1]!.parts[0]).toEqual(text(cueWords.pressAgain));
  });

  it('after a foot switch, waits only what is left of the switch once the user has said next', () => {
    const gb40 = ROUTINES.ankle.steps[1] as Step;
    const segments = paceStep(input(gb40, { ...DEFAULT_PREFERENCES, holdLength: 'long' }));
    expect(segments.map((s) => s.boundary)).toEqual(['foot', undefined]);
    const firstPause = segments[1]!.parts[0];
    const promptMs = estimateMs([text(cueWords.continue.foot)], rate);
    const switchWords = estimateMs([text(cueWords.switchFoot)], rate) + CUE_CHIME.ms;
    expect(firstPause).toEqual({ kind: 'pause', ms: SWITCH_FOOT_MS - switchWords - promptMs - TURN_GAP_MS });
  });

  it('keeps a short hold in one response, waiting exactly between cues', () => {
    const ki6 = ROUTINES.ankle.steps[0] as Step;
    const [only, ...rest] = paceStep(input(ki6, DEFAULT_PREFERENCES));
    expect(rest).toEqual([]);
    const silence = only!.parts.filter((p) => p.kind === 'pause').reduce((a, p) => a + (p.kind === 'pause' ? p.ms : 0), 0);
    const spokenAfterIntro = estimateMs(only!.parts, rate) - estimateMs(intro, rate) - silence;
    // The last cue ("release") is planned at 60 s: silence + cue words before it add up to exactly 60 s.
    const lastWords = estimateMs([text(cueWords.release), text(cueWords.stepDone)], rate) + CUE_CHIME.ms;
    expect(silence + spokenAfterIntro - lastWords).toBe(60_000);
  });

  it('refuses a stretch with no boundary that cannot fit one response', () => {
    const ki6 = ROUTINES.ankle.steps[0] as Step;
    expect(() => paceStep(input(ki6, { ...DEFAULT_PREFERENCES, holdLength: 'long' }, 60_000))).toThrow(PacingError);
  });

  it('gives an untimed step one response: its words and nothing else', () => {
    const soak = ROUTINES.preparation.steps[0] as Step;
    const segments = paceStep({ ...input(soak, DEFAULT_PREFERENCES), closing: [] });
    expect(segments).toEqual([{ parts: intro, anchorMs: 0, onsets: [], estimatedMs: estimateMs(intro, rate) }]);
  });
});
