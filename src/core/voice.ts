import { getRoutine } from './content/routines.js';
import type { RoutineId } from './content/types.js';
import type { MessageKey, Translate } from './messages.js';
import type { Chime } from './pacing.js';
import { text, type Speech, type SpeechPart, type SpeechRate } from './speech.js';

/** What the core needs to speak one locale. */
export interface Voice {
  readonly locale: string;
  readonly t: Translate;
  readonly rate: SpeechRate;
  readonly chime: Chime;
}

/** One response, as data: what to say, what to say if the user is silent, and whether to close the session. */
export interface Turn {
  readonly speech: Speech;
  /** Present exactly when the session stays open. */
  readonly reprompt?: Speech;
  readonly end: boolean;
}

/** Dynamic keys (routine and step ids) are checked against the locale files by tests. */
export const key = (k: string): MessageKey => k as MessageKey;

export const say = (voice: Voice, k: MessageKey, params?: Record<string, string | number>): SpeechPart[] => {
  const value = voice.t(k, params);
  return value.trim() ? [text(value)] : [];
};

export const ask = (speech: Speech, reprompt: Speech): Turn => ({ speech, reprompt, end: false });

/** Joins names as a spoken list ("a, b, and c") using the locale's own list rules. */
export function spokenList(locale: string, items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(locale, { type }).format(items);
}

export const routineName = (voice: Voice, id: RoutineId): string => voice.t(key(`routines:${id}.name`));
export const stepTitle = (voice: Voice, id: RoutineId, stepIndex: number): string =>
  voice.t(key(`routines:${id}.steps.${getRoutine(id).steps[stepIndex]?.id ?? ''}.title`));

