/**
 * The skill's state: small, versioned, serialisable, kept in session attributes (and, without the
 * session-only parts, in the store). Changed only by the reducer (src/core/reducer.ts).
 */
import type { PointId, RoutineId, TechniqueId } from './content/types.js';
import type { Stats } from './stats.js';
import { DEFAULT_PREFERENCES, type Foot, type Preferences } from './timeline.js';

export const STATE_VERSION = 2;

/** A place in a routine, in plan time: never in units that depend on the words. */
export interface Position {
  /** Index into the routine's steps (not the active steps). */
  readonly stepIndex: number;
  /** Milliseconds into the step's timeline (0 = the first press, before which the step is introduced). */
  readonly atMs: number;
}

/**
 * One stretch of the last response's timeline, from `realMs` after the response started:
 * the plan stood at `stepIndex`/`planMs` there and, when `running`, advanced with real time.
 */
export type Mark = readonly [realMs: number, stepIndex: number, planMs: number, running: 0 | 1];

/** What the last response played, so that the next request's timestamp says where the user is. */
export interface Played {
  /** `request.timestamp` of the request the response answered, in epoch ms. */
  readonly sentAtMs: number;
  /** Estimated length of the response's audio, in ms. */
  readonly lengthMs: number;
  readonly marks: readonly Mark[];
  /** Where the next response continues if the user heard this one to the end; absent when the routine ended in it. */
  readonly next?: Position;
  /** The plan keeps running after the response (the user holds on through "next"); else it waits at `next`. */
  readonly runsOn: boolean;
}

export interface Progress {
  readonly routineId: RoutineId;
  /** Where the last response started, or where the user stopped once settled. */
  readonly at: Position;
  readonly paused: boolean;
  /** Present while the last response may still be playing; settled away on the next request. */
  readonly played?: Played;
  /**
   * Id of the last paced response, counted up with each one. A screen's `segmentDone` carries it, so an event
   * for any earlier response (or one sent before a pause, pain or stop) never paces the routine.
   */
  readonly seq?: number;
  /** Steps the user chose to do at light pressure (after pain): no firmer cue in them. */
  readonly light?: readonly number[];
  /**
   * The place is played by an AudioPlayer stream: the device, not the clock, says where the user is (its token and
   * offset, src/core/audio-plan.ts). `seq` is the id of the last stream sent: `playing` when that one plays (or was
   * sent to play), `queued` when it waits behind the one before it (id `seq - 1`), which still plays.
   */
  readonly stream?: 'playing' | 'queued';
  /** This run of the routine is not the user's first (it began with the routine already heard): steps say their short setup. */
  readonly returning?: boolean;
  /**
   * A single point practised on its own ("do the Kunlun point"): the routine is the one whose step has the
   * point (src/core/plan.ts `practiceStep`), and the plan is that one step. Positions, tokens and resume stay
   * the routine's own (step index into the routine, plan time of that step).
   */
  readonly point?: PointId;
}

/** Every question the skill can be waiting on. Derive lists from this one constant. */
export const QUESTIONS = ['pregnancy', 'remember', 'resume', 'deleteData', 'didYouMean', 'startRoutine', 'whichMassage', 'pain'] as const;
export type Question = (typeof QUESTIONS)[number];

export interface Pending {
  readonly question: Question;
  /** The routine the question is about (pregnancy, startRoutine). */
  readonly routineId?: RoutineId;
  /** The point a "did you mean …?" is about, and what was asked of it. */
  readonly pointId?: PointId;
  readonly ask?: 'where' | 'helps' | 'practise';
  /** "Remember?" after an unsure answer to the pregnancy question: the routine then begins saying so. */
  readonly unsure?: boolean;
}

export interface SkillState {
  readonly v: typeof STATE_VERSION;
  readonly progress?: Progress;
  readonly pending?: Pending;
  readonly prefs: Preferences;
  /**
   * The user's choice to leave out the points traditionally avoided in pregnancy (not a health status);
   * absent until asked or said.
   */
  readonly leaveOut?: boolean;
  /**
   * The user said yes to "Shall I remember that for next time?": only then does a choice to leave the points
   * out outlive the session (persistedView, src/core/state-merge.ts). Without it, it lasts for the session.
   */
  readonly keepChoice?: boolean;
  /** The one-time disclaimer and cautions have been heard. */
  readonly disclaimed?: boolean;
  /** Routines whose full introduction the user has heard: next time, one breath is enough. */
  readonly heard?: readonly RoutineId[];
  /** The user has heard, once, how to talk to the skill while a routine plays as audio. */
  readonly audioNoted?: boolean;
  /**
   * Session only: every step at light pressure, because the user mentioned diabetes, neuropathy or blood
   * thinners. Never stored (not in PERSISTED_FIELDS): it is how this session presses, not a health status.
   */
  readonly lightAll?: boolean;
  /** How many sessions did each routine, the last day of each, and the run of days in a row: counts and dates only (src/core/stats.ts). */
  readonly stats?: Stats;
  /** Session only: routines this session has counted in `stats` already (once per routine per session). */
  readonly counted?: readonly RoutineId[];
  /**
   * Session only: one foot only ("just my left foot"): one-side steps do that foot, both-feet steps one hand.
   * Never stored; the stored place is in both feet's plan time (src/core/state-merge.ts persistedView).
   */
  readonly oneFoot?: Foot;
  /**
   * Session only: the id of the last paced response sent before the routine it belonged to ended or was replaced.
   * The next routine's responses count on from it (src/core/reduce-kit.ts), so a screen's late event for an old
   * response never matches a new one.
   */
  readonly lastSeq?: number;
  /** Session only: what was last said, for "repeat" when no routine is playing. */
  readonly last?: LastAnswer;
}

/** Enough to say an answer again, as data (never speech). */
export type LastAnswer =
  | { readonly kind: 'point'; readonly pointId: PointId; readonly ask: 'where' | 'helps' }
  | { readonly kind: 'technique'; readonly techniqueId: TechniqueId };

/** Fields of the state that last for the session only: never stored, and kept through a merge with the store. */
export const SESSION_FIELDS = ['pending', 'last', 'lightAll', 'counted', 'oneFoot', 'lastSeq'] as const satisfies readonly (keyof SkillState)[];

export const INITIAL_STATE: SkillState = { v: STATE_VERSION, prefs: DEFAULT_PREFERENCES };
