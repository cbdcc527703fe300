import { getRoutine } from './content/routines.js';
import type { PointId, RoutineId } from './content/types.js';
import type { MessageKey, MessageParams, Translate } from './messages.js';
import type { Chime } from './pacing.js';
import { text, type Speech, type SpeechPart, type SpeechRate } from './speech.js';

/** What the core needs to speak one locale: words, speaking rate, list format and sounds. Looked up once per request. */
export interface Voice {
  readonly locale: string;
  readonly t: Translate;
  readonly rate: SpeechRate;
  readonly chime: Chime;
  /** Joins names as a spoken list with the locale's own rules ("a, b and c" in en-GB, "a, b, and c" in en-US). */
  readonly list: (items: readonly string[], type?: 'conjunction' | 'disjunction') => string;
  /** Speaking rate as a percentage for `<prosody rate>`; 100 is the voice's own. */
  readonly ratePercent: number;
}

/** One response, as data: what to say, what to say if the user is silent, and whether to close the session. */
export interface Turn {
  readonly speech: Speech;
  /** Present exactly when the session stays open. */
  readonly reprompt?: Speech;
  readonly end: boolean;
}

export const say = (voice: Voice, k: MessageKey, params?: MessageParams): SpeechPart[] => {
  const value = voice.t(k, params);
  return value.trim() ? [text(value)] : [];
};

export const ask = (speech: Speech, reprompt: Speech): Turn => ({ speech, reprompt, end: false });

/** The first letter in upper case, for a title at the start of a sentence. */
export const upperFirst = (value: string): string => value.charAt(0).toLocaleUpperCase() + value.slice(1);

/** A step's words: its title, its full setup, the short setup a returning user hears, and the reminder after a detour. */
export type StepField = 'title' | 'setup' | 'setupShort' | 'reminder';
type StepKey = `routines:${RoutineId}.steps.${string}.${StepField}`;
/**
 * Step words: routine and step ids pair up only as the content says, which TypeScript cannot check
 * against the locale files, so this one key family is checked by tests/locales instead.
 */
const stepKey = (k: StepKey): MessageKey => k as MessageKey;

export const routineName = (voice: Voice, id: RoutineId): string => voice.t(`routines:${id}.name`);
export const stepWord = (voice: Voice, id: RoutineId, stepIndex: number, field: StepField, params?: MessageParams): string =>
  voice.t(stepKey(`routines:${id}.steps.${getRoutine(id).steps[stepIndex]?.id ?? ''}.${field}`), params);
export const stepTitle = (voice: Voice, id: RoutineId, stepIndex: number): string => stepWord(voice, id, stepIndex, 'title');
export const pointName = (voice: Voice, id: PointId): string => voice.t(`points:${id}.name`);
export const pointCode = (voice: Voice, id: PointId): string => voice.t(`points:${id}.spokenCode`);
