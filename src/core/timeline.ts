import type { HoldLength, Step } from './content/types.js';
import { MAX_SILENCE_MS } from './limits.js';

/** What the user hears at a moment of a hold. Each id has words in `locales/<lang>/cues.json`. */
export const CUE_IDS = [
  'press', 'pressBoth', 'pressPair', 'pressLight', 'firmer', 'lighter',
  'letGo', 'pressAgain', 'circles', 'smallCircles', 'keepCircling', 'holdFirm',
  'pressFirm', 'breatheIn', 'breatheOut', 'steady',
  'strokes', 'catWalk', 'keepStroking', 'ballPress', 'ballKeep',
  'halfway', 'oneMinuteLeft', 'tenSecondsLeft', 'switchFoot', 'switchLeg', 'release', 'easeOff',
  // Light pressure after pain (src/core/lighter.ts): the firm moments of a step, made gentle.
  'pressGently', 'stayLight',
] as const;
export type CueId = (typeof CUE_IDS)[number];

/** Where a hold may be split across two responses without breaking it. */
export type Boundary = 'release' | 'foot' | 'hold';

export interface TimedCue {
  /** Planned onset from the start of the hold (the first press), in ms. */
  readonly atMs: number;
  readonly cue: CueId;
  /** Mark with a chime (press and release moments). */
  readonly chime?: boolean;
  /** The hold may continue in the next response right after this cue. */
  readonly boundary?: Boundary;
  /** Which foot (or leg), for steps done one side at a time. */
  readonly foot?: 'first' | 'second';
  /** The user's hand goes onto the point at this cue (first press, press again, second foot): a hold starts. */
  readonly starts?: boolean;
}

/** Speaking pace: `slow` speaks more slowly and leaves more time to find each point; the timeline stays exact. */
export const PACES = ['normal', 'slow'] as const;
export type Pace = (typeof PACES)[number];

export interface Preferences {
  readonly holdLength: HoldLength;
  /** Sound-library chimes on press and release. */
  readonly chimes: boolean;
  /** "One minute left" and "ten seconds left" cues. */
  readonly countdown: boolean;
  /** @default 'normal' */
  readonly pace: Pace;
  /** Stop after every step and wait for "next" ("wait for me between points"). */
  readonly waitBetweenSteps: boolean;
  /**
   * On a speaker with AudioPlayer, play a routine as step streams (src/core/audio-plan.ts); off after "talk me
   * through it", or after a stream failed on the device. Speakers without streams ignore it.
   */
  readonly audio: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { holdLength: 'standard', chimes: true, countdown: true, pace: 'normal', waitBetweenSteps: false, audio: true };

/** Time given to move the hand to the other foot and find the point again, in ms. */
export const SWITCH_FOOT_MS = 12_000;
/** Time given to move to the other leg (knee and calf points, lower shin), in ms. */
export const SWITCH_LEG_MS = 20_000;
/** Breathing prompts: one prompted breath (in, then out) this often, in ms; the user breathes once more unprompted. */
export const BREATH_PROMPT_EVERY_MS = 20_000;
/** Breathing prompts: "and out" comes this long after "breathe in" (a 10 s breath: 4 in, 6 out), in ms. */
export const BREATH_IN_MS = 4_000;
/** Breathing prompts start this long after the press, once its words (longer in German or French) are said, in ms. */
export const BREATH_START_MS = 6_000;
/** Ball hold: a steadying reminder this often, also a place to continue a long hold, in ms. */
export const BALL_REMINDER_MS = 45_000;
/** Reducing technique: a reminder to keep circling this often, in ms. */
export const CIRCLE_REMINDER_MS = 30_000;
/** Quiet kept around a countdown cue so it never crowds another cue, in ms. */
const COUNTDOWN_CLEARANCE_MS = 6_000;
/** A hold at least this long gets a "halfway" word near its middle, in ms. */
export const HALFWAY_MIN_HOLD_MS = 120_000;
/** How far from the exact middle the halfway word may move to find a quiet place, in ms. */
const HALFWAY_SEARCH_MS = 15_000;

/** Hold length of one foot (side each) or of the whole hold (side both), in ms. 0 for untimed steps. */
function holdMs(step: Step, prefs: Preferences): number {
  return (step.holdSec?.[prefs.holdLength] ?? 0) * 1000;
}

/** Time to move between feet (or legs) in a step done one side at a time, in ms. */
export function switchMs(step: Step): number {
  return step.limb === 'leg' ? SWITCH_LEG_MS : SWITCH_FOOT_MS;
}

/**
 * How often light and firm pressure alternate, in ms: the step's period, or half the hold when the hold is
 * too short for one switch at that period, so a short hold still alternates (and the setup says how often, from this number).
 * @example alternationMs(gb40, { ...DEFAULT_PREFERENCES, holdLength: 'short' }) // 30_000
 */
export function alternationMs(step: Step, prefs: Preferences): number {
  const period = (step.alternateSec ?? 60) * 1000;
  const length = holdMs(step, prefs);
  return length > period + COUNTDOWN_CLEARANCE_MS ? period : Math.floor(length / 2 / 1000) * 1000;
}

/** The cues of one continuous hold of `lengthMs`, starting at `startMs`, without its closing cue. */
function holdCues(step: Step, prefs: Preferences, startMs: number, lengthMs: number): TimedCue[] {
  const at = (ms: number) => startMs + ms;
  const cues: TimedCue[] = [];
  const everyFrom = (first: number, period: number, until: number, make: (ms: number, i: number) => void) => {
    for (let ms = first, i = 0; ms < until; ms += period, i += 1) make(ms, i);
  };
  const first = (cue: CueId) => cues.push({ atMs: at(0), cue, chime: true, starts: true });
  switch (step.method) {
    case 'press':
      first(step.side === 'both' ? 'pressBoth' : step.points.length > 1 ? 'pressPair' : 'press');
      break;
    case 'lightFirm': {
      const period = alternationMs(step, prefs);
      first('pressLight');
      everyFrom(period, period, lengthMs - COUNTDOWN_CLEARANCE_MS, (ms, i) => cues.push({ atMs: at(ms), cue: i % 2 === 0 ? 'firmer' : 'lighter' }));
      break;
    }
    case 'pulsedRelease': {
      const period = (step.pulseSec ?? 30) * 1000;
      const rest = (step.releaseSec ?? 3) * 1000;
      first(step.side === 'both' ? 'pressBoth' : 'press');
      everyFrom(period, period, lengthMs - period / 2, (ms) => {
        cues.push({ atMs: at(ms), cue: 'letGo', boundary: 'release' });
        cues.push({ atMs: at(ms + rest), cue: 'pressAgain', starts: true });
      });
      break;
    }
    case 'reducing':
      first('circles');
      everyFrom(CIRCLE_REMINDER_MS, CIRCLE_REMINDER_MS, lengthMs - COUNTDOWN_CLEARANCE_MS * 2, (ms) =>
        cues.push({ atMs: at(ms), cue: 'keepCircling', boundary: 'hold' }));
      break;
    case 'breathing':
      first('pressFirm');
      everyFrom(BREATH_START_MS, BREATH_PROMPT_EVERY_MS, lengthMs - BREATH_IN_MS - COUNTDOWN_CLEARANCE_MS * 2, (ms) => {
        cues.push({ atMs: at(ms), cue: 'breatheIn' });
        cues.push({ atMs: at(ms + BREATH_IN_MS), cue: 'breatheOut', boundary: 'hold' });
      });
      break;
    case 'circlesAndHold': {
      // The calming massage: small circles, no direction (the seed gives none; the reducing technique is counter-clockwise).
      const period = (step.alternateSec ?? 30) * 1000;
      first('smallCircles');
      everyFrom(period, period, lengthMs - COUNTDOWN_CLEARANCE_MS, (ms, i) =>
        cues.push({ atMs: at(ms), cue: i % 2 === 0 ? 'holdFirm' : 'smallCircles', boundary: 'hold' }));
      break;
    }
    case 'strokes':
      first('strokes');
      cues.push({ atMs: at(Math.round(lengthMs / 20_000) * 10_000), cue: 'catWalk', boundary: 'hold' });
      break;
    case 'ballHold':
      first('ballPress');
      everyFrom(BALL_REMINDER_MS, BALL_REMINDER_MS, lengthMs - COUNTDOWN_CLEARANCE_MS * 2, (ms) =>
        cues.push({ atMs: at(ms), cue: 'ballKeep', boundary: 'hold' }));
      break;
    case 'instruction':
      break;
  }
  if (prefs.countdown) {
    // A countdown cue takes the place of a regular cue that would crowd it, keeping its boundary.
    const place = (atMs: number, cue: CueId) => {
      let boundary: Boundary | undefined;
      for (let i = cues.length - 1; i > 0; i -= 1) {
        const other = cues[i] as TimedCue;
        if (Math.abs(other.atMs - atMs) < COUNTDOWN_CLEARANCE_MS) {
          if (other.cue === 'pressAgain' || other.cue === 'letGo') return; // never drop a release or its press
          boundary ??= other.boundary;
          cues.splice(i, 1);
        }
      }
      cues.push({ atMs, cue, ...(boundary ? { boundary } : {}) });
    };
    if (lengthMs >= 150_000) place(at(lengthMs - 60_000), 'oneMinuteLeft');
    if (lengthMs >= 30_000) place(at(lengthMs - 10_000), 'tenSecondsLeft');
  }
  if (lengthMs >= HALFWAY_MIN_HOLD_MS) placeHalfway(cues, startMs, lengthMs);
  cues.sort((a, b) => a.atMs - b.atMs);
  return fillSilences(cues, at(lengthMs), fillerOf(step));
}

/** Cues that only keep the user company: a halfway word may take one's place (and its boundary). */
const FILLERS: ReadonlySet<CueId> = new Set(['steady', 'keepCircling', 'keepStroking', 'ballKeep']);

/**
 * Adds "halfway" to a long hold: at the whole second nearest its middle that keeps {@link COUNTDOWN_CLEARANCE_MS}
 * from every other cue and from the hold's ends, within {@link HALFWAY_SEARCH_MS}; failing that, in place of
 * the filler cue nearest the middle; failing both (a hold crowded with releases), not at all.
 */
function placeHalfway(cues: TimedCue[], startMs: number, lengthMs: number): void {
  const middle = startMs + Math.round(lengthMs / 2 / 1000) * 1000;
  const quiet = (t: number) => t - startMs >= COUNTDOWN_CLEARANCE_MS && startMs + lengthMs - t >= COUNTDOWN_CLEARANCE_MS
    && cues.every((c) => Math.abs(c.atMs - t) >= COUNTDOWN_CLEARANCE_MS);
  for (let d = 0; d <= HALFWAY_SEARCH_MS; d += 1000) {
    for (const t of [middle - d, middle + d]) {
      if (quiet(t)) { cues.push({ atMs: t, cue: 'halfway' }); return; }
    }
  }
  const filler = cues.filter((c) => FILLERS.has(c.cue) && Math.abs(c.atMs - middle) <= HALFWAY_SEARCH_MS)
    .sort((a, b) => Math.abs(a.atMs - middle) - Math.abs(b.atMs - middle))[0];
  if (filler) cues.splice(cues.indexOf(filler), 1, { ...filler, cue: 'halfway' });
}

/** The word that fills a long quiet stretch, in the step's own technique: no "keep holding" while stroking. */
function fillerOf(step: Step): CueId {
  switch (step.method) {
    case 'reducing': return 'keepCircling';
    case 'strokes': return 'keepStroking';
    case 'ballHold': return 'ballKeep';
    default: return 'steady';
  }
}

/**
 * Adds a short reassurance (`filler`: "steady", or the technique's own) wherever two cues of a hold would be further apart than
 * {@link MAX_SILENCE_MS}, so the user is never left in silence for a minute wondering if the skill is still there.
 */
function fillSilences(cues: readonly TimedCue[], endMs: number, filler: CueId): TimedCue[] {
  const out: TimedCue[] = [];
  cues.forEach((cue, i) => {
    out.push(cue);
    const nextAt = (cues[i + 1] as TimedCue | undefined)?.atMs ?? endMs;
    const gaps = Math.ceil((nextAt - cue.atMs) / MAX_SILENCE_MS);
    for (let k = 1; k < gaps; k += 1) {
      out.push({ atMs: cue.atMs + Math.round(((nextAt - cue.atMs) * k) / gaps / 1000) * 1000, cue: filler, boundary: 'hold' });
    }
  });
  return out;
}

/** The cue that closes a step: "release" after a hold, "ease off" after strokes or a ball hold. */
const closingCue = (step: Step): CueId => (step.method === 'strokes' || step.method === 'ballHold' ? 'easeOff' : 'release');

/**
 * A step's whole timeline: every cue at its planned offset from the first press, in ms.
 * Side `each` works the first foot (or leg), switches (with {@link switchMs} to move), then the second.
 * Untimed (instruction) steps have no cues.
 * @example planStep(ROUTINES.ankle.steps[0], DEFAULT_PREFERENCES)
 * // [{ atMs: 0, cue: 'pressBoth', … }, { atMs: 30_000, cue: 'steady', … }, { atMs: 50_000, cue: 'tenSecondsLeft' }, { atMs: 60_000, cue: 'release', … }]
 */
export function planStep(step: Step, prefs: Preferences, oneFoot?: Foot): TimedCue[] {
  const length = holdMs(step, prefs);
  if (length <= 0) return [];
  const end = (c: TimedCue): TimedCue => (prefs.chimes ? c : { ...c, chime: false });
  const close = closingCue(step);
  if (step.side !== 'each') {
    const cues = [...holdCues(step, prefs, 0, length), { atMs: length, cue: close, chime: true }].map(end);
    // One foot only: the same hold with one hand, so no "both feet" press.
    return oneFoot ? cues.map((c) => (c.cue === 'pressBoth' ? { ...c, cue: 'press' as const } : c)) : cues;
  }
  if (oneFoot) {
    // One foot only: that foot's hold, on the same clock as the first foot of both (a hold's cues do not depend on where it starts).
    const foot = footOf(oneFoot);
    return [...holdCues(step, prefs, 0, length).map((c) => ({ ...c, foot })), { atMs: length, cue: close, chime: true, foot }].map(end);
  }
  const second = length + switchMs(step);
  return [
    ...holdCues(step, prefs, 0, length).map((c) => ({ ...c, foot: 'first' as const })),
    { atMs: length, cue: step.limb === 'leg' ? 'switchLeg' as const : 'switchFoot' as const, boundary: 'foot' as const, chime: true, foot: 'first' as const },
    ...holdCues(step, prefs, second, length).map((c) => ({ ...c, foot: 'second' as const })),
    { atMs: second + length, cue: close, chime: true, foot: 'second' as const },
  ].map(end);
}

/**
 * One foot only, for a session (an injured foot today): `right` is the foot every one-side step starts with
 * (its setup says so), `left` the other one.
 */
export type Foot = 'left' | 'right';
export const FEET = ['left', 'right'] as const satisfies readonly Foot[];

/** Which of a step's two holds a foot is: every one-side step starts with the right. */
const footOf = (foot: Foot): 'first' | 'second' => (foot === 'right' ? 'first' : 'second');

/**
 * Plan time of a place in a one-side step when the feet change (both feet ↔ one foot), in ms: the one-foot
 * timeline of the right foot is the first hold of both; of the left foot, the second hold moved to 0. A place
 * on a foot that is no longer done goes to the start of the chosen foot's hold (0), or, when that foot is done
 * already, to the step's end. A step not started yet (0) starts from its beginning, on either clock. Steps with both feet at once (or none) keep their clock.
 * @example footTime(gb40, prefs, 100_000, undefined, 'left') // 100_000 - 90_000 - 12_000 → 0 (just switching)
 */
export function footTime(step: Step, prefs: Preferences, atMs: number, from: Foot | undefined, to: Foot | undefined): number {
  // At 0 the step has not started (its introduction, or its first press): it starts as the new plan has it.
  if (step.side !== 'each' || from === to || atMs <= 0) return atMs;
  // One foot to the other ("just my left foot", then "only the right"): that foot's hold was never done this session.
  if (from !== undefined && to !== undefined) return 0;
  const length = holdMs(step, prefs);
  const second = length + switchMs(step);
  const both = from === 'left' ? atMs + second : atMs;
  if (to === undefined) return both;
  if (to === 'right') return Math.min(both, length);
  return Math.max(0, both - second);
}

/** Total planned duration of a step's timeline, in ms (0 for untimed steps). */
export function stepDurationMs(step: Step, prefs: Preferences): number {
  const cues = planStep(step, prefs);
  return cues.length ? (cues[cues.length - 1] as TimedCue).atMs : 0;
}
