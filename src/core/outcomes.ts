/**
 * What the reducer decides, as data: the outcome (what to say, composed into words by turn.ts) and the
 * effects the edge carries out (erase the record; save before saying goodbye). Speech and directives are
 * rendered from the outcome; nothing here knows about Alexa.
 */
import type { PointId, RoutineId, StepId, TechniqueId } from './content/types.js';
import type { CurrentAsk, HealthCondition } from './events.js';
import type { SideNow } from './position.js';
import type { Entry } from './pacing.js';
import type { SkillState } from './state.js';
import type { HistoryEntry } from './stats.js';
import type { Foot, Preferences } from './timeline.js';

/** Why a segment is played: words that go before it. */
export type SegmentNote =
  | 'begin' | 'continue' | 'repeat' | 'resume' | 'startOver' | 'back' | 'atFirstStep' | 'skip' | 'redo' | 'otherFoot'
  | 'lighter' | 'gentle' | 'skippedForChoice' | 'repeatCue'
  /** A point practised on its own, and one foot only (or both again) said mid-routine. */
  | 'practise' | 'oneFoot_left' | 'oneFoot_right' | 'bothFeet';

/** A short answer spoken before the routine carries on in the same response. */
export type Aside =
  | { readonly kind: 'howLong'; readonly remainingMs: number; readonly steps: number }
  | { readonly kind: 'whatsNext'; readonly stepIndex: number | undefined }
  /** `side`: which foot the user is on at that moment (src/core/position.ts `sideAt`), said first. */
  | { readonly kind: 'currentPoint'; readonly stepIndex: number; readonly ask: CurrentAsk; readonly side: SideNow }
  | { readonly kind: 'leaveOut'; readonly skipped: readonly number[] };

export type Where = 'idle' | 'routine' | 'paused';

/** What the skill should say, as data. Speech is composed from it by the turn builder. */
export type Outcome =
  | { readonly kind: 'segment'; readonly routineId: RoutineId; readonly entry: Entry; readonly note: SegmentNote;
      readonly aside?: Aside; readonly disclaimer?: boolean; readonly returning?: boolean; readonly unsure?: boolean;
      /** "Repeat": the cue the user last heard, said again before the routine carries on. */
      readonly lastCue?: number;
      /** The answer to "Shall I remember that?", said before the routine begins. */
      readonly remembered?: boolean }
  | { readonly kind: 'welcome'; readonly returning: boolean; readonly disclaimer: boolean; readonly storeDown: boolean }
  | { readonly kind: 'askPregnancy'; readonly routineId: RoutineId; readonly again?: boolean;
      /** Asked before a point practised on its own: about that point (`light`: kept light, not left out). */
      readonly pointId?: PointId; readonly light?: boolean }
  /** "Shall I remember that for next time?" after a choice to leave the points out; `told`: the user said it unasked. */
  | { readonly kind: 'askRemember'; readonly told: boolean; readonly again?: boolean }
  | { readonly kind: 'rememberAnswered'; readonly remembered: boolean; readonly inRoutine: boolean }
  | { readonly kind: 'routineDone'; readonly routineId: RoutineId; readonly pointId?: PointId }
  | { readonly kind: 'paused'; readonly already: boolean }
  /** `kept` is filled in by the edge once the save before the goodbye succeeded or failed. */
  | { readonly kind: 'goodbye'; readonly hasProgress: boolean; readonly kept?: boolean }
  | { readonly kind: 'silent' }
  /** No speech and no change to the session: a stale screen event, a device's own report. */
  | { readonly kind: 'ignored'; readonly why: 'stale' | 'report' }
  | { readonly kind: 'offerResume'; readonly routineId: RoutineId; readonly stepIndex: number; readonly again?: boolean; readonly pointId?: PointId }
  | { readonly kind: 'freshStart' }
  | { readonly kind: 'routineList'; readonly unknown: boolean }
  | { readonly kind: 'massages'; readonly again?: boolean }
  /** `side`: said first, when the point is the one in use (after pain, "which foot?" without pressing again). */
  | { readonly kind: 'point'; readonly pointId: PointId; readonly ask: 'where' | 'helps'; readonly inRoutine: boolean; readonly side?: SideNow }
  | { readonly kind: 'unknownPoint'; readonly suggestions: readonly PointId[]; readonly missing: boolean }
  | { readonly kind: 'technique'; readonly techniqueId: TechniqueId | undefined; readonly inRoutine: boolean }
  | { readonly kind: 'noCurrentPoint' }
  /** After pain: the choices; `stillHurts` when the point was already at light pressure (skip or stop only). */
  | { readonly kind: 'pain'; readonly again?: boolean; readonly stillHurts?: boolean }
  /** Tingling or numbness: stop pressing and see a doctor if it keeps coming; in a routine, the choices of pain. */
  | { readonly kind: 'tingling'; readonly inRoutine: boolean }
  /**
   * A health disclosure answered: `lightened` when it set light pressure for the session just now, `leftOut`
   * when the points traditionally avoided in pregnancy are already left out; in a routine the place is kept.
   */
  | { readonly kind: 'health'; readonly condition: HealthCondition; readonly inRoutine: boolean; readonly lightened: boolean; readonly leftOut?: boolean }
  | { readonly kind: 'screening'; readonly routineId: RoutineId | undefined; readonly again?: boolean }
  | { readonly kind: 'choiceSaved'; readonly leaveOut: boolean; readonly inRoutine: boolean }
  | { readonly kind: 'choiceForgotten'; readonly inRoutine: boolean }
  | { readonly kind: 'prefsChanged'; readonly prefs: Partial<Preferences>; readonly inRoutine: boolean;
      /** Steps of the routine under way whose hold is the same at every length (BL60, LV3 + GB41): said when the length changed. */
      readonly keeps?: readonly StepId[] }
  | { readonly kind: 'prefsUnknown' }
  | { readonly kind: 'settingsReset'; readonly inRoutine: boolean }
  | { readonly kind: 'confirmDelete'; readonly again?: boolean }
  | { readonly kind: 'deleteData' }
  | { readonly kind: 'deleteFailed' }
  | { readonly kind: 'deleteDeclined' }
  | { readonly kind: 'noRoutine' }
  | { readonly kind: 'noQuestion'; readonly inRoutine: boolean }
  | { readonly kind: 'help'; readonly where: Where }
  | { readonly kind: 'fallback'; readonly where: Where }
  | { readonly kind: 'unsupported' }
  | { readonly kind: 'didYouMeanDeclined' }
  /** An AudioPlayer report taken: never a word; `enqueue` queues the next step's stream behind the one playing. */
  | { readonly kind: 'playback'; readonly enqueue?: PlayerAction }
  /** Loop or shuffle: a short word that they do not apply; the stream plays on. */
  | { readonly kind: 'playbackMode' }
  /**
   * "How many times have I done this?": the routines done (one when `asked`), days in a row ending today or
   * yesterday, and `current` when the one asked is the routine under way (counted already this session).
   */
  | { readonly kind: 'history'; readonly asked?: RoutineId; readonly entries: readonly HistoryEntry[]; readonly streak: number;
      readonly current: boolean; readonly inRoutine: boolean; readonly today: string }
  /** "Shorter" at the shortest holds, "longer" at the longest. */
  | { readonly kind: 'holdLimit'; readonly dir: 'shorter' | 'longer'; readonly inRoutine: boolean }
  /**
   * A point asked for that the user chose to leave out (itself, or `partner`, the point done with it), and a point
   * to do `instead`.
   */
  | { readonly kind: 'practiseLeftOut'; readonly pointId: PointId; readonly partner?: PointId; readonly instead?: PointId;
      /** The answer to "Shall I remember that?", when it was just asked. */
      readonly remembered?: boolean }
  /** One foot only (or both again, `foot` undefined) said with no routine playing: kept for the session. */
  | { readonly kind: 'feetSet'; readonly foot: Foot | undefined; readonly inRoutine: boolean };

/**
 * What the device's AudioPlayer should do, as data; src/alexa/audio-player.ts renders it (signed URL, token).
 * `seq` is the new stream's id, `previous` the stream it must follow (ENQUEUE's expectedPreviousToken).
 */
export type PlayerAction =
  | { readonly kind: 'play'; readonly behavior: 'REPLACE_ALL' | 'ENQUEUE'; readonly routineId: RoutineId; readonly stepIndex: number; readonly offsetMs: number;
      readonly seq: number; readonly previous?: { readonly stepIndex: number; readonly seq: number } }
  | { readonly kind: 'stop' };

/** Side effects the edge carries out, as data. */
export interface Effects {
  /** Erase the user's stored record (after a yes to "delete my data"). */
  readonly erase?: boolean;
  /** Save before the words are chosen: the goodbye says the place is kept only when it was. */
  readonly confirmSave?: boolean;
}

export interface Transition { readonly state: SkillState; readonly outcome: Outcome; readonly effects?: Effects }
