/**
 * Turns reducer outcomes into speech, as data. Routine segments are paced here from the one plan,
 * with the voice's words; the result carries the timed {@link Segment} for every renderer.
 */
import { POINTS } from './content/points.js';
import { getRoutine } from './content/routines.js';
import { needsLightPressure, skippedSteps } from './content/steps.js';
import { type PointId, type RoutineId, type Step } from './content/types.js';
import { FIND_POINT_MIN_MS } from './limits.js';
import type { StreamRef } from './events.js';
import { paceResponse, type PaceWords, type Segment } from './pacing.js';
import { planFor, plannedStep, type RoutinePlan } from './plan.js';
import { lightStepsOf, withLightSteps } from './lighter.js';
import type { Aside, Outcome, SegmentNote } from './outcomes.js';
import { estimateMs, phoneme, text, type SpeechPart } from './speech.js';
import type { Played, Progress, SkillState } from './state.js';
import { alternationMs, type Pace, type TimedCue } from './timeline.js';
import { cueKey, stepDoneKey } from './variants.js';
import { ask, pointName, routineName, say, stepTitle, stepWord, upperFirst, type Turn, type Voice } from './voice.js';

export type { Turn, Voice } from './voice.js';

/**
 * How a device shows the routine: a screen keeps time by itself and ends each response at a step's end; an audio
 * stream (AudioPlayer, src/core/audio-plan.ts) carries on by itself too, so neither says "say next".
 */
export interface Device {
  readonly screen: boolean;
  /** The device plays routines as AudioPlayer step streams (a speaker with AudioPlayer, and streams configured). */
  readonly audio?: boolean;
  /** What the device's AudioPlayer reports (`context.AudioPlayer`): the stream its token names, and its offset. */
  readonly player?: { readonly stream: StreamRef; readonly offsetMs: number };
}

/** Pause to find a point after a step's full introduction (a location was just described), in ms. */
const FIND_POINT_AFTER_SETUP_MS = 5_000;
/** The slow pace leaves this much more time to find a point. */
const SLOW_FIND_FACTOR = 1.5;

/** Time to find the point after a step's introduction and after a reminder, at a pace: spoken routines and streams alike. */
export function findPointMs(pace: Pace): { readonly afterIntro: number; readonly afterReminder: number } {
  const slow = pace === 'slow' ? SLOW_FIND_FACTOR : 1;
  return { afterIntro: FIND_POINT_AFTER_SETUP_MS * slow, afterReminder: FIND_POINT_MIN_MS * slow };
}

export const pinyinLine = (voice: Voice, id: PointId): SpeechPart[] => {
  const point = POINTS[id];
  // "The Kunlun Mountains point … Its Chinese name is Kunlun" says the name twice: once is enough.
  if (pointName(voice, id).toLowerCase().includes(point.pinyin.toLowerCase())) return [];
  return [...say(voice, 'common:chineseName'), phoneme(point.pinyin, voice.t(`points:${id}.ipa`)), text('.')];
};

function setupParams(voice: Voice, step: Step, state: Pick<SkillState, 'prefs'>): Record<string, string> {
  const ms = alternationMs(step, state.prefs);
  return { every: ms === 60_000 ? voice.t('common:every.minute') : voice.t('common:every.seconds', { count: Math.round(ms / 1000) }) };
}

/** What the words of a routine depend on: preferences, the leave-out choice, light pressure, and a returning run. */
export type WordsState = Pick<SkillState, 'prefs' | 'leaveOut' | 'lightAll'> & Partial<Pick<SkillState, 'oneFoot'>> & { readonly progress?: Partial<Pick<Progress, 'returning' | 'point' | 'routineId'>> };

/** "Get into position", said before every step, in three wordings. */
const GET_READY = ['common:getReady', 'common:getReadyAlt.1', 'common:getReadyAlt.2'] as const;

/**
 * The words pacing needs, for one routine and state: the one source of the routine's words for every renderer
 * (speech, screen, and the audio streams of src/core/audio-plan.ts), so all of them say the same wording of a cue.
 * A returning run (the routine done before) hears each step's short setup; a first run, the full one. Only the
 * words before the first press change: the pacing measures them (estimateMs), so the holds stay where the plan puts them.
 */
export function paceWords(voice: Voice, routineId: RoutineId, state: WordsState, plan: RoutinePlan, device: Device = { screen: false }, titled = true): PaceWords {
  const steps = getRoutine(routineId).steps;
  const point = state.progress?.routineId === routineId ? state.progress.point : undefined;
  const oneFoot = state.oneFoot;
  const title = (i: number) => stepTitle(voice, routineId, i);
  const setup = state.progress?.returning ? 'setupShort' : 'setup';
  return {
    intro(i) {
      const step = steps[i] as Step;
      // After "where is it?" or "what does it help with?" the aside has just named the step: not again.
      const parts: SpeechPart[] = titled ? [text(`${upperFirst(title(i))}.`)] : [];
      if (titled && step.points.length === 1) parts.push(...pinyinLine(voice, step.points[0] as PointId));
      parts.push(text(stepWord(voice, routineId, i, setup, setupParams(voice, step, state))));
      // A session at light pressure (diabetes, neuropathy, blood thinners) says so over a setup that speaks of firm pressure.
      if (state.lightAll) parts.push(...say(voice, 'common:condition.keepLight'));
      else if (state.leaveOut && needsLightPressure(step)) parts.push(...say(voice, 'common:lightCalf'));
      // One foot only: which foot (every one-side setup starts with the right), or one hand where both feet are pressed.
      if (oneFoot && step.side !== 'none') parts.push(...say(voice, `common:shape.oneFoot.${step.side}_${oneFoot}`));
      // Said before every step: three wordings in turn by the step's place in its routine (the first step's is the first).
      parts.push(...say(voice, GET_READY[i % GET_READY.length] as (typeof GET_READY)[number]));
      return parts;
    },
    reminder: (i) => [
      ...(titled ? [text(`${upperFirst(title(i))}.`)] : []), text(stepWord(voice, routineId, i, 'reminder')),
      // One foot only where both feet are pressed at once: one hand, said again whenever the hand goes back on.
      ...(oneFoot && steps[i]?.side === 'both' ? say(voice, `common:shape.oneFoot.both_${oneFoot}`) : []),
    ],
    cue: (i, cue: TimedCue) => say(voice, cueKey(plan, i, cue)),
    repress: () => say(voice, 'cues:repress'),
    stepDone: (i) => say(voice, stepDoneKey(plan, i)),
    untimed: (i, after) => [
      text(`${upperFirst(title(i))}.`), text(stepWord(voice, routineId, i, setup)),
      ...say(voice, after === undefined ? 'common:untimedLast' : 'common:untimed'),
    ],
    // A screen carries on by itself (its document sends the next event), and so does a stream: no word to say.
    // "Keep going, and say next" ends many responses of a long routine: every other step says it in other words.
    prompt: (boundary, after) => (device.screen || device.audio ? [] : boundary === 'step'
      ? say(voice, 'cues:continue.step', { title: after === undefined ? '' : title(after) })
      : say(voice, `cues:continue.${boundary === 'hold' && (after ?? 0) % 2 === 1 ? 'holdOn' : boundary}`)),
    routineDone: () => (point ? say(voice, 'common:shape.practise.done') : say(voice, 'common:routineDone', { name: routineName(voice, plan.routineId) })),
  };
}

/** Spoken length of a routine for a user, in whole minutes: the plan's holds plus the words and pauses around them. */
function routineMinutes(voice: Voice, routineId: RoutineId, state: SkillState): number {
  const plan = planFor(state, routineId);
  const words = paceWords(voice, routineId, state, plan);
  const ms = plan.steps.reduce((sum, s) => sum + s.durationMs + (s.untimed ? 0 : estimateMs(words.intro(s.index), voice.rate) + FIND_POINT_AFTER_SETUP_MS), 0);
  return Math.max(1, Math.round(ms / 60_000));
}

function asideWords(voice: Voice, routineId: RoutineId, aside: Aside, state: WordsState): SpeechPart[] {
  switch (aside.kind) {
    case 'howLong': {
      const minutes = Math.max(1, Math.round(aside.remainingMs / 60_000));
      return [text(upperFirst(voice.t('common:aside.howLong', {
        time: voice.t('common:aside.minutes', { count: minutes }), steps: voice.t('common:aside.steps', { count: aside.steps }),
      })))];
    }
    case 'whatsNext':
      return aside.stepIndex === undefined ? say(voice, 'common:aside.lastStep') : say(voice, 'common:aside.next', { title: stepTitle(voice, routineId, aside.stepIndex) });
    case 'currentPoint': {
      const step = getRoutine(routineId).steps[aside.stepIndex] as Step;
      // "Which foot?" is answered in its first words, and only that; "where is it?" also starts with the side.
      const side = aside.ask === 'helps' || (aside.ask !== 'foot' && aside.side === 'none') ? [] : say(voice, `common:aside.side.${aside.side}`);
      if (aside.ask === 'foot') return side;
      const parts = [...side, ...say(voice, 'common:aside.thisIs', { title: stepTitle(voice, routineId, aside.stepIndex) })];
      if (!step.points.length) {
        if (aside.ask === 'helps') return [...parts, ...say(voice, 'common:aside.noPointHelps')];
        // A step without a point: after the short setup, "where is it?" gives the full one; a first run has heard it.
        return [...parts, ...(state.progress?.returning ? [text(stepWord(voice, routineId, aside.stepIndex, 'setup', setupParams(voice, step, state)))] : say(voice, 'common:aside.noPoint'))];
      }
      const words = { where: 'location', find: 'findTip', helps: 'helps' } as const;
      for (const id of step.points) parts.push(...say(voice, `points:${id}.${words[aside.ask]}`));
      return parts;
    }
    case 'leaveOut': {
      const titles = aside.skipped.map((i) => stepTitle(voice, routineId, i));
      return [
        ...say(voice, 'common:choice.leaveOut'),
        ...(titles.length ? say(voice, 'common:leftOut', { count: titles.length, list: voice.list(titles) }) : say(voice, 'common:choice.nothingLeftHere')),
        ...say(voice, 'common:midwife'),
      ];
    }
  }
}

function beginWords(voice: Voice, routineId: RoutineId, state: SkillState, outcome: Extract<Outcome, { kind: 'segment' }>): SpeechPart[] {
  const parts: SpeechPart[] = [];
  // The answer to what the user just said ("not sure", "no, don't remember it") comes first, then the one-time note.
  if (outcome.unsure) parts.push(...say(voice, 'common:unsureLeaveOut'));
  if (outcome.remembered !== undefined) parts.push(...say(voice, outcome.remembered ? 'common:remembered' : 'common:notRemembered'));
  if (outcome.disclaimer) parts.push(...say(voice, 'common:disclaimer'));
  const minutes = routineMinutes(voice, routineId, state);
  parts.push(...say(voice, outcome.returning ? `routines:${routineId}.introShort` : `routines:${routineId}.intro`, { minutes }));
  const skipped = skippedSteps(routineId, state.leaveOut);
  if (skipped.length) {
    const steps = getRoutine(routineId).steps;
    const titles = skipped.map((s) => stepTitle(voice, routineId, steps.indexOf(s)));
    parts.push(...say(voice, 'common:leftOut', { count: titles.length, list: voice.list(titles) }), ...say(voice, 'common:midwife'));
  }
  return parts;
}

/** Before a point practised on its own: the one-time note, the choice's answers, and, for a pair, that both are pressed. */
function practiseWords(voice: Voice, state: SkillState, outcome: Extract<Outcome, { kind: 'segment' }>): SpeechPart[] {
  const parts: SpeechPart[] = [];
  const point = state.progress?.point;
  if (outcome.disclaimer) parts.push(...say(voice, 'common:disclaimer'));
  if (outcome.unsure) parts.push(...say(voice, 'common:unsureLeaveOut'));
  if (outcome.remembered !== undefined) parts.push(...say(voice, outcome.remembered ? 'common:remembered' : 'common:notRemembered'));
  const step = getRoutine(outcome.routineId).steps[outcome.entry.stepIndex];
  if (point && step && step.points.length > 1) parts.push(...say(voice, 'common:shape.practise.pair', { name: pointName(voice, point) }));
  else parts.push(...say(voice, 'common:shape.practise.intro'));
  return parts;
}

/** Paced segments are pure functions of these inputs: a container keeps the last ones it paced. */
const SEGMENT_MEMO_SIZE = 64;
const segmentMemo = new Map<string, { turn: Turn; segment: Segment }>();

/** A routine segment: the lead words, then the paced routine from the outcome's entry. Memoised (pure). */
export function composeSegment(voice: Voice, state: SkillState, outcome: Extract<Outcome, { kind: 'segment' }>, device: Device): { turn: Turn; segment: Segment } {
  const key = JSON.stringify([voice.locale, voice.ratePercent, state.prefs, state.leaveOut === true, state.progress?.light ?? [], state.lightAll === true,
    state.progress?.returning === true, state.progress?.point ?? '', state.oneFoot ?? '', device.screen, outcome]);
  const hit = segmentMemo.get(key);
  if (hit) return hit;
  const made = paceOutcome(voice, state, outcome, device);
  if (segmentMemo.size >= SEGMENT_MEMO_SIZE) segmentMemo.delete(segmentMemo.keys().next().value as string);
  segmentMemo.set(key, made);
  return made;
}

/**
 * The words a step stream starts after, in the answer that sends it (src/core/respond.ts): the routine's
 * introduction and, the first time, how to talk to the skill while audio plays; or the answer to a question
 * asked during playback. A stream carries on as music does: "resume", "next" or "back" need no word.
 */
export function streamLead(voice: Voice, state: SkillState, outcome: Extract<Outcome, { kind: 'segment' }>, noteAudio: boolean): SpeechPart[] {
  const lead: SpeechPart[] = [];
  if (outcome.note === 'begin') lead.push(...beginWords(voice, outcome.routineId, state, outcome));
  if (noteAudio) lead.push(...say(voice, 'common:audio.howToTalk'));
  if (outcome.aside) lead.push(...asideWords(voice, outcome.routineId, outcome.aside, state));
  return lead;
}

function paceOutcome(voice: Voice, state: SkillState, outcome: Extract<Outcome, { kind: 'segment' }>, device: Device): { turn: Turn; segment: Segment } {
  const { routineId } = outcome;
  const planned = planFor(state, routineId);
  const plan = withLightSteps(planned, lightStepsOf(state, planned));
  const lead: SpeechPart[] = [];
  const words = paceWords(voice, routineId, state, plan, device, outcome.aside?.kind !== 'currentPoint');
  if (outcome.note === 'begin') lead.push(...beginWords(voice, routineId, state, outcome));
  if (outcome.note === 'practise') lead.push(...practiseWords(voice, state, outcome));
  if (outcome.aside) lead.push(...asideWords(voice, routineId, outcome.aside, state));
  else if (outcome.note === 'oneFoot_left' || outcome.note === 'oneFoot_right' || outcome.note === 'bothFeet') lead.push(...say(voice, `common:shape.notes.${outcome.note}`));
  else if (outcome.note !== 'begin' && outcome.note !== 'practise') lead.push(...say(voice, `common:notes.${outcome.note satisfies Exclude<SegmentNote, 'practise' | 'oneFoot_left' | 'oneFoot_right' | 'bothFeet'>}`));
  // "What?" mid-hold: the cue the user missed, said again before the routine carries on.
  const missed = outcome.lastCue === undefined ? undefined : plannedStep(plan, outcome.entry.stepIndex)?.cues[outcome.lastCue];
  if (missed) lead.push(...words.cue(outcome.entry.stepIndex, missed));
  const segment = paceResponse({
    plan, entry: outcome.entry, lead, words, rate: voice.rate,
    ...(state.prefs.chimes ? { chime: voice.chime } : {}),
    findPointMs: findPointMs(state.prefs.pace),
    stopAtStepEnd: state.prefs.waitBetweenSteps || device.screen,
  });
  if (segment.ending === 'untimed' || (segment.ending === 'done' && plan.steps.at(-1)?.untimed)) {
    return { turn: { speech: segment.parts, end: true }, segment };
  }
  const reprompt = segment.ending === 'done' ? say(voice, 'common:routineDoneReprompt') : say(voice, 'common:segmentReprompt');
  return { turn: ask(segment.parts, reprompt), segment };
}

/** What a segment leaves in the state, so the next request's timestamp can say where the user is. */
export function playedOf(segment: Segment, sentAtMs: number): Played {
  return {
    sentAtMs, lengthMs: Math.round(segment.estimatedMs), marks: segment.marks,
    ...(segment.next ? { next: segment.next } : {}), runsOn: segment.runsOn,
  };
}
