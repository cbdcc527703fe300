/**
 * The modes a user can be in, named from the state, and the events each one takes. The reducer asks the
 * mode first: an event the mode does not take gets that mode's own answer (the question again, the pain
 * choices again, or nothing for a stale screen event), so no event can slip past a question or a pain stop.
 */
import type { EventType } from './events.js';
import { isLightStep } from './lighter.js';
import type { Question, SkillState } from './state.js';

export type Mode =
  /** No routine under way, no question. */
  | { readonly kind: 'idle' }
  /** Waiting for the answer to a question. */
  | { readonly kind: 'asking'; readonly question: Exclude<Question, 'pain'> }
  /** Pacing stopped on pain or tingling: lighter, skip or stop (`light`: the point already is at light pressure). */
  | { readonly kind: 'afterPain'; readonly light: boolean }
  /** A place is kept and nothing is playing: paused, after a detour, or a new session. */
  | { readonly kind: 'paused' }
  /** A paced response is (or was last) playing: `seq` is its id. */
  | { readonly kind: 'playing'; readonly seq: number }
  /** A step stream plays on the device's AudioPlayer: the device's token and offset say where the user is. */
  | { readonly kind: 'streaming'; readonly seq: number };

export type ModeKind = Mode['kind'];
export const MODE_KINDS = ['idle', 'asking', 'afterPain', 'paused', 'playing', 'streaming'] as const satisfies readonly ModeKind[];

/** The mode the state is in. */
export function modeOf(state: SkillState): Mode {
  const pending = state.pending;
  const progress = state.progress;
  if (pending?.question === 'pain') return { kind: 'afterPain', light: Boolean(progress && isLightStep(state, progress.at.stepIndex)) };
  if (pending) return { kind: 'asking', question: pending.question };
  if (!progress) return { kind: 'idle' };
  if (progress.stream && !progress.paused && !progress.played) return { kind: 'streaming', seq: progress.seq ?? 0 };
  if (progress.paused || !progress.played) return { kind: 'paused' };
  return { kind: 'playing', seq: progress.seq ?? 0 };
}

/** Moving through a routine: none of these answers a question, and none may press again after pain. */
const MOVES: readonly EventType[] = ['next', 'segmentDone', 'skip', 'previous', 'otherFoot', 'redo', 'repeat', 'resume', 'startOver', 'lighter', 'currentPoint', 'howLong', 'whatsNext', 'pause',
  // One foot only (or both again) changes the plan where the user is: never past a question or after pain.
  'oneFoot', 'bothFeet'];

/** What needs no routine: safety, questions about points, settings, data, help, leaving. */
const ANYWHERE: readonly EventType[] = [
  'launch', 'start', 'listRoutines', 'massages', 'answer', 'stop', 'sessionEnded', 'point', 'unknownPoint', 'technique', 'pain', 'tingling',
  'symptom', 'health', 'pregnant', 'notPregnant', 'forgetChoice', 'setPrefs', 'prefsUnknown', 'resetSettings', 'askDelete', 'eraseFailed', 'help',
  'fallback', 'unsupported', 'deviceReport', 'playback', 'playbackMode',
  'history', 'practise', 'holdRelative',
];

const ALL: ReadonlySet<EventType> = new Set([...MOVES, ...ANYWHERE]);

/**
 * The events each mode takes. In `asking`, `resume` is taken only as a yes to the resume offer (the reducer
 * maps it); after pain only the user's own choices move on (skip, next as skip, resume and lighter at light
 * pressure); a screen's `segmentDone` is taken only while playing, and only for the last response sent.
 */
const TAKES: Readonly<Record<ModeKind, ReadonlySet<EventType>>> = {
  idle: new Set([...ANYWHERE, ...MOVES.filter((e) => e !== 'segmentDone')]),
  asking: new Set([...ANYWHERE, 'resume']),
  afterPain: new Set([...ANYWHERE, 'next', 'skip', 'resume', 'lighter', 'currentPoint']),
  paused: new Set([...ALL].filter((e) => e !== 'segmentDone')),
  playing: ALL,
  streaming: new Set([...ALL].filter((e) => e !== 'segmentDone')),
};

/** True when the mode takes the event. */
export const takes = (mode: Mode, type: EventType): boolean => TAKES[mode.kind].has(type);
