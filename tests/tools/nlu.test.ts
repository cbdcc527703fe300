import { describe, expect, it } from 'vitest';
import model from '../../skill-package/interactionModels/custom/en-US.json';
import { intentRequest, resolveValue } from '../../tools/envelopes.js';
import manifest from '../../skill-package/skill.json';
import { LAUNCH, resolveUtterance } from '../../tools/nlu.js';
import { ssmlToText } from '../../tools/conversation.js';

interface Intent { name: string; slots?: { name: string; type: string }[]; samples: string[] }
interface SlotType { name: string; values: { id: string; name: { value: string; synonyms?: string[] } }[] }
const lm = model.interactionModel.languageModel as unknown as { intents: Intent[]; types: SlotType[] };

describe('simulator language understanding (the real en-US model)', () => {
  it.each(lm.intents.flatMap((intent) => intent.samples.map((sample) => [sample, intent] as const)))('"%s" resolves to its own intent', (sample, intent) => {
    // Fill each slot with the first value of its type, as a user would say it.
    const said = sample.replace(/\{(\w+)\}/g, (_, name: string) => {
      const type = intent.slots?.find((s) => s.name === name)?.type;
      return lm.types.find((t) => t.name === type)?.values[0]?.name.value ?? name;
    });
    const r = resolveUtterance(said);
    expect(r.intent).toBe(intent.name);
  });

  /** A sample per slot type, to carry each of its values and synonyms. */
  const CARRIERS: Record<string, readonly [intent: string, slot: string, sample: string]> = {
    RoutineName: ['StartRoutineIntent', 'routine', 'start the {routine} routine'],
    PointName: ['WherePointIntent', 'point', 'where is {point}'],
    TechniqueName: ['TechniqueIntent', 'technique', 'how do i do the {technique}'],
    HoldLengthName: ['SetHoldLengthIntent', 'holdLength', 'use {holdLength} holds'],
    Toggle: ['SetSoundsIntent', 'toggle', 'turn the chimes {toggle}'],
  };
  it.each(lm.types.flatMap((t) => t.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])].map((w) => [t.name, w] as const))))(
    'captures %s "%s" in a slot', (typeName, word) => {
      const [intent, slotName, sample] = CARRIERS[typeName]!;
      expect(lm.intents.find((i) => i.name === intent)?.samples).toContain(sample);
      // Periods in spoken abbreviations ("k. i. six") are dropped, as the resolver normalises them.
      expect(resolveUtterance(sample.replace(`{${slotName}}`, word))).toMatchObject({ intent, slots: { [slotName]: word.replace(/\./g, '') } });
    });

  it('understands launch, name-free launch and one-shot phrasing', () => {
    expect(resolveUtterance('open foot acupressure')).toMatchObject({ kind: 'launch', intent: LAUNCH });
    expect(resolveUtterance('Alexa, ask foot acupressure')).toMatchObject({ kind: 'launch' });
    expect(resolveUtterance('start my foot acupressure')).toMatchObject({ kind: 'launch' });
    expect(resolveUtterance('Alexa, ask foot acupressure to start the heel routine')).toMatchObject({ intent: 'StartRoutineIntent', slots: { routine: 'heel' }, oneShot: true });
    expect(resolveUtterance('start ankle routine')).toMatchObject({ kind: 'intent', intent: 'StartAnkleRoutineIntent', oneShot: false });
  });

  it.each(manifest.manifest.publishingInformation.locales['en-US'].examplePhrases)('understands the example phrase "%s"', (phrase) => {
    const r = resolveUtterance(phrase);
    expect(r.intent).not.toBe('AMAZON.FallbackIntent');
    for (const [slotName, value] of Object.entries(r.slots)) {
      const type = lm.intents.find((i) => i.name === r.intent)?.slots?.find((s) => s.name === slotName)?.type as string;
      expect(resolveValue(type, value), `${slotName} "${value}"`).toBeDefined();
    }
  });

  it.each([
    ['help', 'AMAZON.HelpIntent'], ['stop', 'AMAZON.StopIntent'], ['cancel', 'AMAZON.CancelIntent'], ['next', 'AMAZON.NextIntent'],
    ['go back', 'AMAZON.PreviousIntent'], ['previous', 'AMAZON.PreviousIntent'], ['repeat', 'AMAZON.RepeatIntent'], ['say that again', 'AMAZON.RepeatIntent'],
    ['pause', 'AMAZON.PauseIntent'], ['resume', 'AMAZON.ResumeIntent'], ['start over', 'AMAZON.StartOverIntent'], ['yes', 'AMAZON.YesIntent'],
    ['no', 'AMAZON.NoIntent'], ['home', 'AMAZON.NavigateHomeIntent'], ['keep going', 'AMAZON.NextIntent'], ['continue my routine', 'ResumeRoutineIntent'],
    ['make the holds longer', 'SetHoldLengthIntent'], ['turn the chimes off', 'SetSoundsIntent'], ['Where is K. I. six?', 'WherePointIntent'],
  ])('"%s" → %s', (said, intent) => {
    expect(resolveUtterance(said).intent).toBe(intent);
  });

  it('keeps words it cannot resolve in the slot, so the skill sees a no-match', () => {
    expect(resolveUtterance('where is the flibber point')).toMatchObject({ intent: 'WherePointIntent', slots: { point: 'flibber' } });
  });

  it('sends what it does not understand to the fallback intent', () => {
    expect(resolveUtterance('sing me a song about the rain')).toMatchObject({ intent: 'AMAZON.FallbackIntent' });
  });
});

describe('envelope builder entity resolution', () => {
  it('resolves synonyms to domain ids, and unknown words to no match', () => {
    expect(resolveValue('PointName', 'Illuminated Sea')).toEqual({ id: 'KI6', name: 'shining sea' });
    const unknown = intentRequest('WherePointIntent', { point: 'flibber' });
    const slot = (unknown.request as { intent: { slots: Record<string, { resolutions: { resolutionsPerAuthority: { status: { code: string } }[] } }> } }).intent.slots.point!;
    expect(slot.resolutions.resolutionsPerAuthority[0]!.status.code).toBe('ER_SUCCESS_NO_MATCH');
    const missing = intentRequest('WherePointIntent');
    expect((missing.request as { intent: { slots: Record<string, { value?: string }> } }).intent.slots.point!.value).toBeUndefined();
  });
});

describe('ssmlToText', () => {
  it('shows pauses and chimes and unescapes text', () => {
    expect(ssmlToText('<speak>Press &amp; hold.<break time="10s"/><break time="2500ms"/><audio src="x"/>Release.</speak>'))
      .toBe('Press & hold. [pause 12.5s] [chime] Release.');
  });
});
