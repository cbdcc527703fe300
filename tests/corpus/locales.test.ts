/**
 * The conversation in every language: in each state, the first sample of each intent in that locale's own
 * model (written natively) does what the English corpus expects of it.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES, modelOf } from '../../tools/models.js';
import { captureOutcomes } from '../support/outcomes.js';
import { CheckedConversation } from '../support/talk.js';

const outcomes = captureOutcomes();

/** [state, intent, outcome]: what each intent must do in each state, whatever the language. */
const EXPECTED: readonly (readonly [string, string, string])[] = [
  ['idle', 'ListRoutinesIntent', 'routineList'], ['idle', 'SymptomIntent', 'screening'], ['idle', 'PregnantIntent', 'askRemember'],
  ['idle', 'HowLongIntent', 'noRoutine'], ['idle', 'AMAZON.HelpIntent', 'help'], ['idle', 'AMAZON.StopIntent', 'goodbye'],
  ['asked', 'UnsureIntent', 'askRemember'], ['asked', 'AMAZON.YesIntent', 'askRemember'], ['asked', 'AMAZON.NoIntent', 'segment'], ['asked', 'AMAZON.HelpIntent', 'askPregnancy'],
  ['idle', 'SensationIntent', 'tingling'],
  ['idle', 'HistoryIntent', 'history'], ['routine', 'HistoryIntent', 'history'],
  ['routine', 'PainIntent', 'pain'], ['routine', 'SensationIntent', 'tingling'], ['routine', 'PregnantIntent', 'segment'], ['routine', 'CurrentPointIntent', 'segment'], ['routine', 'CantFindIntent', 'segment'],
  ['routine', 'WhichFootIntent', 'segment'], ['routine', 'CurrentBenefitIntent', 'segment'], ['idle', 'CurrentBenefitIntent', 'noCurrentPoint'],
  ['routine', 'HowLongIntent', 'segment'], ['routine', 'WhatsNextIntent', 'segment'], ['routine', 'SkipIntent', 'segment'], ['routine', 'RedoIntent', 'segment'],
  ['routine', 'SetPaceIntent', 'prefsChanged'], ['routine', 'AMAZON.PauseIntent', 'paused'], ['routine', 'AMAZON.StopIntent', 'goodbye'],
  ['pain', 'LighterIntent', 'segment'], ['pain', 'SkipIntent', 'segment'], ['pain', 'AMAZON.YesIntent', 'pain'],
  ['idle', 'PractisePointIntent', 'segment'], ['routine', 'OneFootIntent', 'segment'], ['routine', 'BothFeetIntent', 'segment'],
  ['routine', 'ShorterHoldsIntent', 'prefsChanged'], ['idle', 'LongerHoldsIntent', 'prefsChanged'],
];

describe.each(LOCALES)('the conversation in %s', (locale) => {
  const lm = modelOf(locale).interactionModel.languageModel;
  /** The intent's first sample without a slot; else its first sample with each slot filled by its type's first value. */
  const sample = (intent: string) => {
    const declared = lm.intents.find((i) => i.name === intent);
    const found = declared?.samples.find((s) => !s.includes('{'))
      ?? declared?.samples[0]?.replace(/\{(\w+)\}/g, (_, slot: string) => {
        const type = declared.slots?.find((x) => x.name === slot)?.type;
        return lm.types?.find((t) => t.name === type)?.values[0]?.name.value ?? slot;
      });
    return found ?? ({ 'AMAZON.YesIntent': 'yes', 'AMAZON.NoIntent': 'no', 'AMAZON.HelpIntent': 'help', 'AMAZON.StopIntent': 'stop', 'AMAZON.PauseIntent': 'pause' } as Record<string, string>)[intent];
  };

  async function reach(state: string): Promise<{ c: CheckedConversation; afterMs?: number }> {
    const c = new CheckedConversation({ envelope: { locale } });
    if (state === 'idle') return { c };
    await c.intent('StartRoutineIntent', { routine: { value: 'x', id: 'ankle' } });
    if (state === 'asked') return { c };
    await c.intent('AMAZON.NoIntent');
    if (state === 'routine') return { c, afterMs: 80_000 };
    await c.intent('PainIntent', {}, { afterMs: 80_000 });
    return { c };
  }

  it.each(EXPECTED)('[%s] %s', async (state, intent, outcome) => {
    outcomes.length = 0;
    const { c, afterMs } = await reach(state);
    expect(outcomes.at(-1), `the conversation reached ${state}`).toBe(({ idle: undefined, asked: 'askPregnancy', routine: 'segment', pain: 'pain' } as Record<string, string | undefined>)[state]);
    const said = sample(intent);
    // Every intent of ours is said in the language, never sent by name: the name check below means something.
    if (!intent.startsWith('AMAZON.')) expect(said, intent).toBeDefined();
    outcomes.length = 0;
    const r = said && !['yes', 'no', 'help', 'stop', 'pause'].includes(said) ? await c.say(said, afterMs === undefined ? {} : { afterMs }) : await c.intent(intent, {}, afterMs === undefined ? {} : { afterMs });
    expect(r.request.request.type === 'IntentRequest' ? (r.request.request as { intent: { name: string } }).intent.name : '', `"${said}"`).toBe(intent);
    expect(outcomes.at(-1), `"${said}"`).toBe(outcome);
  });
});
