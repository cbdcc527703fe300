/** Domain ids and shapes of the content. Data lives in points.ts and routines.ts; words live in locales/. */

export const POINT_IDS = [
  'KI6', 'GB40', 'BL60', 'BL62',
  'KI7', 'KI8', 'KI4', 'KI5', 'KI1', 'LV3', 'BL40', 'BL57', 'SHIMIAN', 'GB41',
] as const;
export type PointId = (typeof POINT_IDS)[number];

export const ROUTINE_IDS = ['preparation', 'ankle', 'heel', 'anxiety', 'lowBack', 'ballRelease'] as const;
export type RoutineId = (typeof ROUTINE_IDS)[number];

export const HOLD_LENGTHS = ['short', 'standard', 'long'] as const;
export type HoldLength = (typeof HOLD_LENGTHS)[number];

/** The drawings of the foot map, one per area the points need. */
export const FOOT_VIEWS = ['innerAnkle', 'outerAnkle', 'sole', 'topOfFoot', 'backOfLeg'] as const;
export type FootView = (typeof FOOT_VIEWS)[number];

/** Step ids of every routine; each has words under `routines:<routine>.steps.<id>`. */
export const STEP_IDS = ['soak', 'dry', 'oil', 'ki6', 'gb40', 'bl60', 'bl62', 'ki7ki8', 'ki4ki5', 'ki1lv3', 'bl40bl57', 'shimian', 'lv3gb41', 'circles', 'arch', 'ball'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const TECHNIQUE_IDS = ['pressing', 'reducing', 'lightFirm', 'pressure'] as const;
/** Techniques a user can ask about ("how do I do the reducing technique?"). */
export type TechniqueId = (typeof TECHNIQUE_IDS)[number];

/**
 * How a step is worked:
 * - press: steady pressure
 * - lightFirm: alternate light and firm pressure every `alternateSec`
 * - pulsedRelease: steady pressure, let go for `releaseSec` every `pulseSec`
 * - reducing: slow counter-clockwise circles
 * - breathing: firm steady pressure with slow-breath prompts
 * - circlesAndHold: small circles alternating with a firm hold every `alternateSec`
 * - strokes: short alternating thumb strokes from heel to toes
 * - ballHold: foot rests on a ball at a tender spot, sustained pressure
 * - instruction: an untimed preparation step; the user says next when done
 */
export type Method =
  | 'press' | 'lightFirm' | 'pulsedRelease' | 'reducing' | 'breathing'
  | 'circlesAndHold' | 'strokes' | 'ballHold' | 'instruction';

/** both: both feet at once, one hand on each; each: one foot, then the other; none: not a hold. */
export type Side = 'both' | 'each' | 'none';

export interface Step {
  /** Unique within the routine; also the locale key under `routines:<routine>.steps.<id>`. */
  readonly id: StepId;
  readonly points: readonly PointId[];
  readonly side: Side;
  readonly method: Method;
  /** Hold per foot (side each) or in total (side both), in seconds, by preference. Absent for instruction steps. */
  readonly holdSec?: Readonly<Record<HoldLength, number>>;
  /** lightFirm / circlesAndHold: switch every N seconds. */
  readonly alternateSec?: number;
  /** Worked on the leg (knee, calf, lower shin): the user moves from one leg to the other, which takes longer. */
  readonly limb?: 'leg';
  /** pulsedRelease: let go every N seconds ... */
  readonly pulseSec?: number;
  /** ... for this many seconds. */
  readonly releaseSec?: number;
}

export interface Routine {
  readonly id: RoutineId;
  readonly steps: readonly Step[];
}

export interface Point {
  readonly id: PointId;
  /** Codes as written on charts, current first (e.g. BL40 then BL54, UB40, B54). */
  readonly codes: readonly string[];
  /** Pinyin without tone marks, as one would type it (e.g. "Qiuxu"). */
  readonly pinyin: string;
  /**
   * Left out when the user chooses to leave out the points traditionally avoided in pregnancy
   * (points-reference §3: BL60, LV3 and KI4, and conservatively BL62).
   */
  readonly avoidInPregnancy: boolean;
  /** Kept, but with light pressure only, for that same choice (BL57). */
  readonly lightInPregnancy?: boolean;
  /** Which drawing of the foot map shows the point (APL screens). */
  readonly view: FootView;
  /** Other things a user may call the point (English names, spaced pinyin, sound-alikes), lower case. */
  readonly matchTerms: readonly string[];
}
