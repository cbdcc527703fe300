/**
 * What a request means to the core: one event per request, built at the edge from the intent, its slots or
 * the request type (src/alexa/events.ts holds that one table). The reducer never sees Alexa's shapes.
 */
import type { PointId, RoutineId, TechniqueId } from './content/types.js';
import type { Position } from './state.js';
import type { Foot, Preferences } from './timeline.js';

export type Answer = 'yes' | 'no' | 'unsure';

/**
 * What someone can tell about their health at any moment (HealthIntent's `condition` slot ids). Each gets a
 * short answer; none is ever stored (points-reference §3: keep the choice, not a health status).
 */
export const HEALTH_CONDITIONS = [
  'diabetes', 'neuropathy', 'bloodThinners', 'swelling', 'sprain', 'brokenSkin', 'varicose', 'swollenCalf', 'pregnancySafety',
] as const;
export type HealthCondition = (typeof HEALTH_CONDITIONS)[number];

export type RoutineEvent =
  | { readonly type: 'launch'; readonly storeDown?: boolean }
  | { readonly type: 'start'; readonly routineId: RoutineId }
  | { readonly type: 'listRoutines'; readonly unknown?: boolean }
  | { readonly type: 'massages' }
  | { readonly type: 'answer'; readonly answer: Answer }
  | { readonly type: 'next' } | { readonly type: 'skip' }
  /** A screen heard a response to its end; `seq` is the response's id, as the document sent it back. */
  | { readonly type: 'segmentDone'; readonly seq: number | undefined }
  | { readonly type: 'previous' } | { readonly type: 'otherFoot' } | { readonly type: 'redo' }
  | { readonly type: 'repeat' } | { readonly type: 'pause' } | { readonly type: 'resume' } | { readonly type: 'startOver' }
  | { readonly type: 'stop' } | { readonly type: 'sessionEnded' }
  | { readonly type: 'point'; readonly pointId: PointId; readonly ask: 'where' | 'helps' }
  | { readonly type: 'unknownPoint'; readonly suggestions: readonly PointId[]; readonly missing: boolean; readonly ask: 'where' | 'helps' | 'practise' }
  | { readonly type: 'technique'; readonly techniqueId: TechniqueId | undefined }
  /**
   * About the point in use: where it is, how to find it ("I can't find it"), which foot ("which foot?"), or what it
   * is traditionally used for ("what does it help with?").
   */
  | { readonly type: 'currentPoint'; readonly ask: CurrentAsk }
  | { readonly type: 'howLong' } | { readonly type: 'whatsNext' }
  | { readonly type: 'pain' } | { readonly type: 'tingling' } | { readonly type: 'lighter' }
  | { readonly type: 'symptom'; readonly routineId: RoutineId | undefined }
  | { readonly type: 'pregnant' } | { readonly type: 'notPregnant' } | { readonly type: 'forgetChoice' }
  /** "I have diabetes", "I sprained my ankle", "is this safe in pregnancy?": a short answer, then back to where the user was. */
  | { readonly type: 'health'; readonly condition: HealthCondition }
  | { readonly type: 'setPrefs'; readonly prefs: Partial<Preferences> }
  | { readonly type: 'prefsUnknown' }
  | { readonly type: 'resetSettings' }
  | { readonly type: 'askDelete' }
  /** The edge could not erase the record after a yes to "delete my data". */
  | { readonly type: 'eraseFailed' }
  | { readonly type: 'help' } | { readonly type: 'fallback' }
  /** A request this skill has no answer for (another request type, an intent without a name). */
  | { readonly type: 'unsupported' }
  /** A device report that must get no speech (an APL runtime error). */
  | { readonly type: 'deviceReport' }
  /**
   * The device's AudioPlayer reports on a step stream (sessionless, never answered aloud): `stream` is what its
   * token names, `offsetMs` its offset, `at` that offset's plan time (filled in by respond, src/core/audio-plan.ts `streamPlace`).
   */
  | { readonly type: 'playback'; readonly what: PlaybackWhat; readonly stream: StreamRef; readonly offsetMs: number; readonly at?: Position }
  /** Loop or shuffle on or off: nothing to loop or shuffle in a routine. */
  | { readonly type: 'playbackMode' }
  /** "How many times have I done this?", "what's my streak?": counts and dates, for a routine named or the current one, else all. */
  | { readonly type: 'history'; readonly routineId: RoutineId | undefined }
  /** "Do the Kunlun point": the one step that has the point, as a routine of its own (src/core/practise.ts). */
  | { readonly type: 'practise'; readonly pointId: PointId }
  /** "Just my left foot", "only one foot" (`foot` undefined: the foot each step starts with), for this session. */
  | { readonly type: 'oneFoot'; readonly foot: Foot | undefined }
  /** "Both feet again": undoes one foot only. */
  | { readonly type: 'bothFeet' }
  /** "Make it shorter", "longer holds": one hold length down or up from the user's. */
  | { readonly type: 'holdRelative'; readonly dir: 'shorter' | 'longer' };

export type CurrentAsk = 'where' | 'find' | 'foot' | 'helps';

export type PlaybackWhat = 'started' | 'nearlyFinished' | 'finished' | 'stopped' | 'failed';

/** What a stream's token names: the routine, the step, and the id of the response that sent it. */
export interface StreamRef { readonly routineId: RoutineId; readonly stepIndex: number; readonly seq: number }

export type EventType = RoutineEvent['type'];

/** Every event type, for the reducer's mode table and its tests. */
export const EVENT_TYPES = [
  'launch', 'start', 'listRoutines', 'massages', 'answer', 'next', 'skip', 'segmentDone', 'previous', 'otherFoot', 'redo',
  'repeat', 'pause', 'resume', 'startOver', 'stop', 'sessionEnded', 'point', 'unknownPoint', 'technique', 'currentPoint',
  'howLong', 'whatsNext', 'pain', 'tingling', 'lighter', 'symptom', 'health', 'pregnant', 'notPregnant', 'forgetChoice', 'setPrefs',
  'prefsUnknown', 'resetSettings', 'askDelete', 'eraseFailed', 'help', 'fallback', 'unsupported', 'deviceReport', 'playback', 'playbackMode',
  'history', 'practise', 'oneFoot', 'bothFeet', 'holdRelative',
] as const satisfies readonly EventType[];
