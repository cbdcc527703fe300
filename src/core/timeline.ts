import type { HoldLength, Step } from './content/types.js';

/** What the user hears at a moment of a hold. Each id has words in `locales/<locale>/cues.json`. */
export const CUE_IDS = [
  'press', 'pressBoth', 'pressPair', 'pressLight', 'firmer', 'lighter',
  'letGo', 'pressAgain', 'circles', 'keepCircling', 'holdFirm',
  'pressFirm', 'breatheIn', 'breatheOut',
  'strokes', 'catWalk', 'ballPress', 'ballKeep',
  'oneMinuteLeft', 'tenSecondsLeft', 'switchFoot', 'release',
] as const;
export type CueId = (typeof CUE_IDS)[number];

/** Where a hold may be split across two responses without breaking it. */
export type Boundary = 'release' | 'foot' | 'hold';

export interface TimedCue {
  /** Planned onset from the start of the hold, in ms. */
  readonly atMs: number;
  readonly cue: CueId;
  /** Mark with a chime (press and release moments). */
  readonly chime?: boolean;
  /** The hold may continue in the next response right after this cue. */
  readonly boundary?: Boundary;
  /** Which foot, for steps done one foot at a time. */
  readonly foot?: 'first' | 'second';
}

export interface Preferences {
  readonly holdLength: HoldLength;
  /** Sound-library chimes on press and release. */
  readonly chimes: boolean;
  /** "One minute left" and "ten seconds left" cues. */
  readonly countdown: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { holdLength: 'standard', chimes: true, countdown: true };

/** Time given to move the hand to the other foot and find the point again, in ms. */
export const SWITCH_FOOT_MS = 12_000;
/** Breathing prompts: a slow breath in, then out, starting this often (ms). */
export const BREATH_CYCLE_MS = 20_000;
/** Breathing prompts: "and out" comes this long after "breathe in" (ms). */
export const BREATH_IN_MS = 5_000;
/** Ball hold: a steadying reminder this often (ms); also a place to continue a long hold. */
export const BALL_REMINDER_MS = 60_000;
/** Reducing technique: a reminder to keep circling this often (ms). */
export const CIRCLE_REMINDER_MS = 30_000;
/** Quiet kept around a countdown cue so it never crowds another cue (ms). */
const COUNTDOWN_CLEARANCE_MS = 6_000;

/** Hold length of one foot (side each) or of the whole hold (side both), in ms. 0 for untimed steps. */
export function holdMs(step: Step, prefs: Preferences): number {
  return (step.holdSec?.[prefs.holdLength] ?? 0) * 1000;
}

/** The cues of one continuous hold of `lengthMs`, starting at `startMs`, without its closing cue. */
function holdCues(step: Step, prefs: Preferences, startMs: number, lengthMs: number): TimedCue[] {
  const at = (ms: number) => startMs + ms;
  const cues: TimedCue[] = [];
  const everyFrom = (first: number, period: number, until: number, make: (ms: number, i: number) => void) => {
    for (let ms = first, i = 0; ms < until; ms += period, i += 1) make(ms, i);
  };
  switch (step.method) {
    case 'press':
      cues.push({ atMs: at(0), cue: step.side === 'both' ? 'pressBoth' : step.points.length > 1 ? 'pressPair' : 'press', chime: true });
      break;
    case 'lightFirm': {
      const period = (step.alternateSec ?? 60) * 1000;
      cues.push({ atMs: at(0), cue: 'pressLight', chime: true });
      everyFrom(period, period, lengthMs, (ms, i) => cues.push({ atMs: at(ms), cue: i % 2 === 0 ? 'firmer' : 'lighter' }));
      break;
    }
    case 'pulsedRelease': {
      const period = (step.pulseSec ?? 30) * 1000;
      const rest = (step.releaseSec ?? 3) * 1000;
      cues.push({ atMs: at(0), cue: step.side === 'both' ? 'pressBoth' : 'press', chime: true });
      everyFrom(period, period, lengthMs - period / 2, (ms) => {
        cues.push({ atMs: at(ms), cue: 'letGo', boundary: 'release' });
        cues.push({ atMs: at(ms + rest), cue: 'pressAgain' });
      });
      break;
    }
    case 'reducing':
      cues.push({ atMs: at(0), cue: 'circles', chime: true });
      everyFrom(CIRCLE_REMINDER_MS, CIRCLE_REMINDER_MS, lengthMs - COUNTDOWN_CLEARANCE_MS * 2, (ms) =>
        cues.push({ atMs: at(ms), cue: 'keepCircling' }));
      break;
    case 'breathing':
      cues.push({ atMs: at(0), cue: 'pressFirm', chime: true });
      everyFrom(BREATH_IN_MS, BREATH_CYCLE_MS, lengthMs - BREATH_IN_MS - COUNTDOWN_CLEARANCE_MS * 2, (ms) => {
        cues.push({ atMs: at(ms), cue: 'breatheIn' });
        cues.push({ atMs: at(ms + BREATH_IN_MS), cue: 'breatheOut' });
      });
      break;
    case 'circlesAndHold': {
      const period = (step.alternateSec ?? 30) * 1000;
      cues.push({ atMs: at(0), cue: 'circles', chime: true });
      everyFrom(period, period, lengthMs - COUNTDOWN_CLEARANCE_MS, (ms, i) =>
        cues.push({ atMs: at(ms), cue: i % 2 === 0 ? 'holdFirm' : 'circles' }));
      break;
    }
    case 'strokes':
      cues.push({ atMs: at(0), cue: 'strokes', chime: true });
      cues.push({ atMs: at(Math.round(lengthMs / 20_000) * 10_000), cue: 'catWalk' });
      break;
    case 'ballHold':
      cues.push({ atMs: at(0), cue: 'ballPress', chime: true });
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
  return cues.sort((a, b) => a.atMs - b.atMs);
}

/**
 * A step's whole timeline: every cue at its planned offset from the first press, in ms.
 * Side `each` works the first foot, switches (with {@link SWITCH_FOOT_MS} to move), then the second.
 * Untimed (instruction) steps have no cues.
 * @example planStep(ROUTINES.ankle.steps[0], DEFAULT_PREFERENCES)
 * // [{ atMs: 0, cue: 'pressBoth' }, { atMs: 50_000, cue: 'tenSecondsLeft' }, { atMs: 60_000, cue: 'release' }]
 */
export function planStep(step: Step, prefs: Preferences): TimedCue[] {
  const length = holdMs(step, prefs);
  if (length <= 0) return [];
  const end = (c: TimedCue): TimedCue => (prefs.chimes ? c : { ...c, chime: false });
  if (step.side !== 'each') {
    return [...holdCues(step, prefs, 0, length), { atMs: length, cue: 'release' as const, chime: true }].map(end);
  }
  const second = length + SWITCH_FOOT_MS;
  return [
    ...holdCues(step, prefs, 0, length).map((c) => ({ ...c, foot: 'first' as const })),
    { atMs: length, cue: 'switchFoot' as const, boundary: 'foot' as const, chime: true, foot: 'first' as const },
    ...holdCues(step, prefs, second, length).map((c) => ({ ...c, foot: 'second' as const })),
    { atMs: second + length, cue: 'release' as const, chime: true, foot: 'second' as const },
  ].map(end);
}

/** Total planned duration of a step's timeline, in ms (0 for untimed steps). */
export function stepDurationMs(step: Step, prefs: Preferences): number {
  const cues = planStep(step, prefs);
  return cues.length ? (cues[cues.length - 1] as TimedCue).atMs : 0;
}
