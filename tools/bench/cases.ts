/** What the bench plays: conversations, warm mixes and the cold cases, as data. */
import type { Step } from './children.js';
import { intent, launch, SLOTS, sessionEnded } from './envelopes.js';

const NEW = { newSession: true } as const;

/** Our conversation up to the first cue of the ankle routine (new user: disclaimer, safety question), then stop. */
export const conversation: Step[] = [
  { kind: 'launch', envelope: launch() },
  { kind: 'start ankle routine', envelope: intent('StartRoutineIntent', { routine: SLOTS.ankle }), from: 0 },
  { kind: 'no (not pregnant)', envelope: intent('AMAZON.NoIntent'), from: 1 },
  { kind: 'next', envelope: intent('AMAZON.NextIntent'), from: 2 },
  { kind: 'stop', envelope: intent('AMAZON.StopIntent'), from: 3 },
];

/** Store-free requests for the warm mix, mid-session ones carrying the session state the skill returned. */
export function oursMix(askedPregnancy: Record<string, unknown>, inRoutine: Record<string, unknown>): Step[] {
  const mid = { attributes: inRoutine };
  return [
    { kind: 'launch', envelope: launch() },
    { kind: 'help', envelope: intent('AMAZON.HelpIntent', {}, mid) },
    { kind: 'start ankle (new session)', envelope: intent('StartRoutineIntent', { routine: SLOTS.ankle }, NEW) },
    { kind: 'start ball release (new session)', envelope: intent('StartRoutineIntent', { routine: SLOTS.ballRelease }, NEW) },
    { kind: 'no → first cue', envelope: intent('AMAZON.NoIntent', {}, { attributes: askedPregnancy }) },
    { kind: 'next', envelope: intent('AMAZON.NextIntent', {}, mid) },
    { kind: 'where is hill ruins', envelope: intent('WherePointIntent', { point: SLOTS.hillRuins }, mid) },
    { kind: 'repeat', envelope: intent('AMAZON.RepeatIntent', {}, mid) },
    { kind: 'previous', envelope: intent('AMAZON.PreviousIntent', {}, mid) },
    { kind: 'pause', envelope: intent('AMAZON.PauseIntent', {}, mid) },
    { kind: 'stop', envelope: intent('AMAZON.StopIntent', {}, mid) },
    { kind: 'session ended', envelope: sessionEnded(mid) },
  ];
}

export const minimalMix: Step[] = [
  { kind: 'launch', envelope: launch() },
  { kind: 'help', envelope: intent('AMAZON.HelpIntent') },
  { kind: 'stop', envelope: intent('AMAZON.StopIntent') },
];

export const launchSteps = (locale = 'en-US'): Step[] => [{ kind: `launch ${locale}`, envelope: launch({ locale }) }];

/** Which bundle a cold case runs: ours, a candidate's (by id), or the minimal skill without a store, with the SDK, or with one bare GetItem. */
export type BundleRef = { readonly kind: 'ours' } | { readonly kind: 'candidate'; readonly id: string } | { readonly kind: 'minimal' } | { readonly kind: 'minimal-store' }
  | { readonly kind: 'minimal-bare-store' };

/** What the minimal skill says at launch when it found saved attributes: the proof that it read an item that exists. */
export const READ_SAVED = /^Welcome back\b/;

export interface ColdCase {
  /** Unique name, also the row label. */
  readonly name: string;
  readonly bundle: BundleRef;
  readonly steps: readonly Step[];
  /** Runs with the store's environment (TABLE_NAME, endpoint, credentials). */
  readonly store: boolean;
  /** A run whose answer does not match is counted as failed, not timed (a launch that read nothing is no store read). */
  readonly expectSpeech?: RegExp;
}

export const COLD = {
  minimal: 'minimal: launch, no store',
  minimalStore: 'minimal: launch reading the store (SDK v3, sample style)',
  floor: 'floor: minimal skill + one bare HTTPS GetItem',
  ours: 'ours: launch en-US, no store',
  oursDe: 'ours: launch de-DE, no store',
  oursStore: (candidateId: string) => `ours: launch reading the store, ${candidateId}`,
} as const;

/** Every cold case of one run, interleaved in rounds by the runner. */
export function coldCases(candidateIds: readonly string[], withStore: boolean): ColdCase[] {
  const cases: ColdCase[] = [
    { name: COLD.minimal, bundle: { kind: 'minimal' }, steps: launchSteps(), store: false },
    { name: COLD.ours, bundle: { kind: 'ours' }, steps: launchSteps(), store: false },
    { name: COLD.oursDe, bundle: { kind: 'ours' }, steps: launchSteps('de-DE'), store: false },
  ];
  if (!withStore) return cases;
  cases.push({ name: COLD.minimalStore, bundle: { kind: 'minimal-store' }, steps: launchSteps(), store: true, expectSpeech: READ_SAVED });
  cases.push({ name: COLD.floor, bundle: { kind: 'minimal-bare-store' }, steps: launchSteps(), store: true, expectSpeech: READ_SAVED });
  for (const id of candidateIds) cases.push({ name: COLD.oursStore(id), bundle: { kind: 'candidate', id }, steps: launchSteps(), store: true });
  return cases;
}
