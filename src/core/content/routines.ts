import type { Routine, RoutineId } from './types.js';

/** 30 s to 2 minutes: the article's default per point, picked by hold-length preference. */
const DEFAULT_HOLD = { short: 30, standard: 60, long: 120 } as const;
/** 1 to 2 minutes (GB40, BL62). */
const ONE_TO_TWO_MIN = { short: 60, standard: 90, long: 120 } as const;

/**
 * Every routine in the article, with its timings (points-reference §1).
 * Seconds are per foot when `side` is `each`.
 */
export const ROUTINES = {
  preparation: {
    id: 'preparation',
    steps: [
      { id: 'soak', points: [], side: 'none', method: 'instruction' },
      { id: 'dry', points: [], side: 'none', method: 'instruction' },
      { id: 'oil', points: [], side: 'none', method: 'instruction' },
    ],
  },
  ankle: {
    id: 'ankle',
    steps: [
      { id: 'ki6', points: ['KI6'], side: 'both', method: 'press', holdSec: DEFAULT_HOLD },
      { id: 'gb40', points: ['GB40'], side: 'each', method: 'lightFirm', holdSec: ONE_TO_TWO_MIN, alternateSec: 60 },
      {
        id: 'bl60', points: ['BL60'], side: 'both', method: 'pulsedRelease',
        holdSec: { short: 300, standard: 300, long: 300 }, pulseSec: 30, releaseSec: 3,
      },
      { id: 'bl62', points: ['BL62'], side: 'each', method: 'reducing', holdSec: ONE_TO_TWO_MIN },
    ],
  },
  heel: {
    id: 'heel',
    steps: [
      { id: 'ki7ki8', points: ['KI7', 'KI8'], side: 'each', limb: 'leg', method: 'press', holdSec: DEFAULT_HOLD },
      { id: 'ki4ki5', points: ['KI4', 'KI5'], side: 'each', method: 'press', holdSec: DEFAULT_HOLD },
      { id: 'ki1lv3', points: ['KI1', 'LV3'], side: 'each', method: 'press', holdSec: DEFAULT_HOLD },
      { id: 'bl40bl57', points: ['BL40', 'BL57'], side: 'each', limb: 'leg', method: 'press', holdSec: DEFAULT_HOLD },
      { id: 'shimian', points: ['SHIMIAN'], side: 'each', method: 'reducing', holdSec: DEFAULT_HOLD },
      {
        id: 'lv3gb41', points: ['LV3', 'GB41'], side: 'each', method: 'breathing',
        holdSec: { short: 120, standard: 120, long: 120 },
      },
    ],
  },
  anxiety: {
    id: 'anxiety',
    steps: [
      { id: 'circles', points: ['KI1'], side: 'each', method: 'circlesAndHold', holdSec: ONE_TO_TWO_MIN, alternateSec: 30 },
    ],
  },
  lowBack: {
    id: 'lowBack',
    steps: [{ id: 'arch', points: [], side: 'each', method: 'strokes', holdSec: ONE_TO_TWO_MIN }],
  },
  ballRelease: {
    id: 'ballRelease',
    steps: [{ id: 'ball', points: [], side: 'each', method: 'ballHold', holdSec: { short: 180, standard: 240, long: 300 } }],
  },
} as const satisfies Record<RoutineId, Routine>;

export function getRoutine(id: RoutineId): Routine {
  return ROUTINES[id];
}
