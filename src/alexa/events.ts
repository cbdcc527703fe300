/**
 * The one table from a request to a core event: request types, intents and their slots, and a screen's
 * own events. Everything the skill can be asked goes through here; nothing else reads intents.
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { findPoint, suggestPoints } from '../core/content/point-search.js';
import { HOLD_LENGTHS, POINT_IDS, ROUTINE_IDS, TECHNIQUE_IDS, type RoutineId } from '../core/content/types.js';
import { HEALTH_CONDITIONS, type RoutineEvent } from '../core/events.js';
import { FEET, PACES, type Preferences } from '../core/timeline.js';
import type { Voice } from '../core/voice.js';
import { parseToken, playerOf } from './audio-player.js';
import { log } from './log.js';
import { intentNameIn, readSlot, requestTypeOf, slotId, userEventArgs } from './request.js';

/** Intents that mean one event whatever their slots. */
const FIXED: Readonly<Record<string, RoutineEvent>> = {
  'AMAZON.NextIntent': { type: 'next' },
  'AMAZON.PreviousIntent': { type: 'previous' },
  'AMAZON.RepeatIntent': { type: 'repeat' },
  'AMAZON.PauseIntent': { type: 'pause' },
  'AMAZON.ResumeIntent': { type: 'resume' },
  ResumeRoutineIntent: { type: 'resume' },
  'AMAZON.StartOverIntent': { type: 'startOver' },
  'AMAZON.YesIntent': { type: 'answer', answer: 'yes' },
  'AMAZON.NoIntent': { type: 'answer', answer: 'no' },
  UnsureIntent: { type: 'answer', answer: 'unsure' },
  SkipIntent: { type: 'skip' },
  OtherFootIntent: { type: 'otherFoot' },
  RedoIntent: { type: 'redo' },
  LighterIntent: { type: 'lighter' },
  HowLongIntent: { type: 'howLong' },
  WhatsNextIntent: { type: 'whatsNext' },
  CurrentPointIntent: { type: 'currentPoint', ask: 'where' },
  CantFindIntent: { type: 'currentPoint', ask: 'find' },
  WhichFootIntent: { type: 'currentPoint', ask: 'foot' },
  CurrentBenefitIntent: { type: 'currentPoint', ask: 'helps' },
  PainIntent: { type: 'pain' },
  SensationIntent: { type: 'tingling' },
  PregnantIntent: { type: 'pregnant' },
  NotPregnantIntent: { type: 'notPregnant' },
  ForgetChoiceIntent: { type: 'forgetChoice' },
  ListRoutinesIntent: { type: 'listRoutines' },
  ResetSettingsIntent: { type: 'resetSettings' },
  DeleteDataIntent: { type: 'askDelete' },
  'AMAZON.HelpIntent': { type: 'help' },
  'AMAZON.FallbackIntent': { type: 'fallback' },
  'AMAZON.StopIntent': { type: 'stop' },
  'AMAZON.CancelIntent': { type: 'stop' },
  'AMAZON.NavigateHomeIntent': { type: 'stop' },
  // "Talk me through it" / "play it as audio": how a speaker with AudioPlayer gives routines, remembered.
  TalkThroughIntent: { type: 'setPrefs', prefs: { audio: false } },
  PlayAsAudioIntent: { type: 'setPrefs', prefs: { audio: true } },
  // Built-ins an AudioPlayer skill must take gracefully (audioplayer-interface-reference.html): nothing to loop or shuffle.
  'AMAZON.LoopOnIntent': { type: 'playbackMode' },
  'AMAZON.LoopOffIntent': { type: 'playbackMode' },
  'AMAZON.ShuffleOnIntent': { type: 'playbackMode' },
  'AMAZON.ShuffleOffIntent': { type: 'playbackMode' },
  BothFeetIntent: { type: 'bothFeet' },
  ShorterHoldsIntent: { type: 'holdRelative', dir: 'shorter' },
  LongerHoldsIntent: { type: 'holdRelative', dir: 'longer' },
};

/** What a screen's SendEvent arguments mean: the document's own "segment done" (with the response's id), and its touch buttons. */
const SCREEN: Readonly<Record<string, RoutineEvent>> = { next: { type: 'next' }, pause: { type: 'pause' }, repeat: { type: 'repeat' } };

/** Intents that name their routine, for name-free launch ("Alexa, start ankle routine"). */
const NAMED: Readonly<Record<string, RoutineId>> = { StartAnkleRoutineIntent: 'ankle', StartHeelRoutineIntent: 'heel' };

/** The routine that suits a body area someone says hurts, before any routine has started. */
const ROUTINE_FOR_AREA: Readonly<Record<string, RoutineId>> = { heel: 'heel', ankle: 'ankle', back: 'lowBack', calf: 'heel' };

const TOGGLES = ['on', 'off'] as const;

function startEvent(envelope: RequestEnvelope, intent: string): RoutineEvent {
  const named = NAMED[intent];
  if (named) return { type: 'start', routineId: named };
  const reading = readSlot(envelope, 'routine');
  if (reading.status === 'match' && reading.id === 'massages') return { type: 'massages' };
  const routineId = slotId(reading, ROUTINE_IDS);
  if (routineId) return { type: 'start', routineId };
  log('info', 'slot.unresolved', { slot: 'routine', status: reading.status });
  return { type: 'listRoutines', unknown: reading.status !== 'missing' };
}

function pointEvent(envelope: RequestEnvelope, ask: 'where' | 'helps' | 'practise', voice: Voice): RoutineEvent {
  const reading = readSlot(envelope, 'point');
  const id = slotId(reading, POINT_IDS) ?? (reading.status === 'noMatch' ? findPoint(reading.heard, voice) : undefined);
  if (id) return ask === 'practise' ? { type: 'practise', pointId: id } : { type: 'point', pointId: id, ask };
  log('info', 'slot.unresolved', { slot: 'point', status: reading.status });
  return { type: 'unknownPoint', suggestions: reading.status === 'noMatch' ? suggestPoints(reading.heard, voice) : [], missing: reading.status === 'missing', ask };
}

/** Reads the preference an intent names; undefined when its slot did not resolve. */
function prefsOf(envelope: RequestEnvelope, intent: string): Partial<Preferences> | undefined {
  if (intent === 'SetHoldLengthIntent') {
    const holdLength = slotId(readSlot(envelope, 'holdLength'), HOLD_LENGTHS);
    return holdLength ? { holdLength } : undefined;
  }
  if (intent === 'SetPaceIntent') {
    const reading = readSlot(envelope, 'pace');
    // "Slower", "give me more time" name no value: they mean the slow pace.
    const pace = reading.status === 'missing' ? 'slow' : slotId(reading, PACES);
    return pace ? { pace } : undefined;
  }
  const reading = readSlot(envelope, 'toggle');
  const toggle = intent === 'SetWaitIntent' && reading.status === 'missing' ? 'on' : slotId(reading, TOGGLES);
  if (!toggle) return undefined;
  const on = toggle === 'on';
  if (intent === 'SetSoundsIntent') return { chimes: on };
  if (intent === 'SetCountdownIntent') return { countdown: on };
  return { waitBetweenSteps: on };
}

function intentEvent(envelope: RequestEnvelope, voice: Voice): RoutineEvent {
  const intent = intentNameIn(envelope);
  const fixed = Object.hasOwn(FIXED, intent) ? FIXED[intent] : undefined;
  if (fixed) return fixed;
  switch (intent) {
    case 'StartRoutineIntent': case 'StartAnkleRoutineIntent': case 'StartHeelRoutineIntent': return startEvent(envelope, intent);
    case 'WherePointIntent': return pointEvent(envelope, 'where', voice);
    case 'PointBenefitIntent': return pointEvent(envelope, 'helps', voice);
    case 'PractisePointIntent': return pointEvent(envelope, 'practise', voice);
    case 'OneFootIntent': {
      // "Just my left foot" names the foot; "skip the right foot" the other one; "only one foot" neither (the foot each step starts with).
      const foot = slotId(readSlot(envelope, 'foot'), FEET);
      const other = slotId(readSlot(envelope, 'otherFoot'), FEET);
      return { type: 'oneFoot', foot: foot ?? (other ? (other === 'left' ? 'right' : 'left') : undefined) };
    }
    case 'TechniqueIntent': {
      const reading = readSlot(envelope, 'technique');
      // "How hard should I press?" names no technique and is about pressure.
      return { type: 'technique', techniqueId: reading.status === 'missing' ? 'pressure' : slotId(reading, TECHNIQUE_IDS) };
    }
    case 'SymptomIntent': {
      const reading = readSlot(envelope, 'area');
      return { type: 'symptom', routineId: reading.status === 'match' && Object.hasOwn(ROUTINE_FOR_AREA, reading.id) ? ROUTINE_FOR_AREA[reading.id] : undefined };
    }
    case 'HealthIntent': {
      const reading = readSlot(envelope, 'condition');
      const condition = slotId(reading, HEALTH_CONDITIONS);
      if (condition) return { type: 'health', condition };
      log('info', 'slot.unresolved', { slot: 'condition', status: reading.status });
      return { type: 'fallback' };
    }
    // "How many times have I done the ankle routine?": the routine named, or (none, or "a massage") the current one, else all.
    case 'HistoryIntent': return { type: 'history', routineId: slotId(readSlot(envelope, 'routine'), ROUTINE_IDS) };
    case 'SetHoldLengthIntent': case 'SetSoundsIntent': case 'SetCountdownIntent': case 'SetPaceIntent': case 'SetWaitIntent': {
      const prefs = prefsOf(envelope, intent);
      return prefs ? { type: 'setPrefs', prefs } : { type: 'prefsUnknown' };
    }
    default:
      log('info', 'request.unsupported', { requestType: 'IntentRequest', intent: intent || 'none' });
      return { type: 'unsupported' };
  }
}

/**
 * The core event a request with a session means.
 * @param storeDown the store could not be read this turn (a launch says so once)
 */
export function eventOf(envelope: RequestEnvelope, voice: Voice, storeDown: boolean): RoutineEvent {
  const type = requestTypeOf(envelope);
  switch (type) {
    case 'LaunchRequest': return { type: 'launch', storeDown };
    case 'IntentRequest': return intentEvent(envelope, voice);
    case 'SessionEndedRequest': return { type: 'sessionEnded' };
    case 'Alexa.Presentation.APL.UserEvent': {
      const [name, , seq] = userEventArgs(envelope);
      if (name === 'segmentDone') return { type: 'segmentDone', seq: Number.isSafeInteger(seq) ? (seq as number) : undefined };
      return typeof name === 'string' && Object.hasOwn(SCREEN, name) ? (SCREEN[name] as RoutineEvent) : { type: 'fallback' };
    }
    // The device reports a document or command that failed: logged, never answered aloud
    // (https://developer.amazon.com/docs/alexa-presentation-language/apl-interface.html, RuntimeError request).
    case 'Alexa.Presentation.APL.RuntimeError': return { type: 'deviceReport' };
    default:
      log('info', 'request.unsupported', { requestType: type || 'none' });
      return { type: 'unsupported' };
  }
}

const REPORTS: Readonly<Record<string, Extract<RoutineEvent, { type: 'playback' }>['what']>> = {
  'AudioPlayer.PlaybackStarted': 'started', 'AudioPlayer.PlaybackNearlyFinished': 'nearlyFinished', 'AudioPlayer.PlaybackFinished': 'finished',
  'AudioPlayer.PlaybackStopped': 'stopped', 'AudioPlayer.PlaybackFailed': 'failed',
};

/** The device's buttons mean what the voice's built-ins mean (https://developer.amazon.com/docs/custom-skills/playback-controller-interface-reference.html). */
const BUTTONS: Readonly<Record<string, RoutineEvent>> = {
  'PlaybackController.NextCommandIssued': { type: 'next' }, 'PlaybackController.PreviousCommandIssued': { type: 'previous' },
  'PlaybackController.PlayCommandIssued': { type: 'resume' }, 'PlaybackController.PauseCommandIssued': { type: 'pause' },
};

/** The core event of an AudioPlayer or PlaybackController request; undefined when it is not about a stream of ours. */
export function playerEventOf(envelope: RequestEnvelope, type: string): RoutineEvent | undefined {
  // A button is about our stream only when the device's player holds one of our tokens.
  if (Object.hasOwn(BUTTONS, type)) return playerOf(envelope) ? BUTTONS[type] : undefined;
  const what = Object.hasOwn(REPORTS, type) ? REPORTS[type] : undefined;
  const request = envelope.request as { token?: unknown; offsetInMilliseconds?: unknown };
  // A report names its stream in the request; the context's player may already be on the next one.
  const stream = parseToken(request.token) ?? playerOf(envelope)?.stream;
  if (!what || !stream) return undefined;
  const offset = Number(request.offsetInMilliseconds);
  return { type: 'playback', what, stream, offsetMs: Number.isFinite(offset) && offset >= 0 ? offset : 0 };
}
