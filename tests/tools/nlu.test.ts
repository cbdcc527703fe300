import { describe, expect, it } from 'vitest';
import manifest from '../../skill-package/skill.json';
import { intentRequest, resolveValue } from '../../tools/envelopes.js';
import { LOCALES, modelOf, type ModelIntent } from '../../tools/models.js';
import { LAUNCH, resolveUtterance } from '../../tools/nlu.js';
import { ssmlToText } from '../../tools/ssml.js';

describe.each(LOCALES)('simulator language understanding (the real %s model)', (locale) => {
  const lm = modelOf(locale).interactionModel.languageModel;
  const firstValue = (intent: ModelIntent, name: string) => {
    const type = intent.slots?.find((s) => s.name === name)?.type;
    return lm.types.find((t) => t.name === type)?.values[0]?.name.value ?? name;
  };

  it.each(lm.intents.flatMap((intent) => intent.samples.map((sample) => [sample, intent] as const)))('"%s" resolves to its own intent', (sample, intent) => {
    const said = sample.replace(/\{(\w+)\}/g, (_, name: string) => firstValue(intent, name));
    expect(resolveUtterance(said, locale).intent).toBe(intent.name);
  });

  /** For each slot type, the sample with the most words around a single slot of that type carries its values. */
  const carriers = lm.types.map((type) => {
    const candidates = lm.intents.flatMap((intent) => intent.samples
      // Polite forms (scripts/polite-samples.mjs) carry nothing more than their plain sample.
      .filter((s) => (s.match(/\{\w+\}/g) ?? []).length === 1 && !/(please|bitte|por favor|plaît)$/u.test(s))
      .flatMap((s) => {
        const slot = /\{(\w+)\}/.exec(s)?.[1] as string;
        return intent.slots?.find((x) => x.name === slot)?.type === type.name ? [{ intent: intent.name, slot, sample: s, literal: s.replace(/\{\w+\}/, '').trim().length }] : [];
      }));
    return [type.name, candidates.sort((a, b) => b.literal - a.literal)[0]] as const;
  });
  it.each(carriers.flatMap(([typeName, carrier]) => lm.types.find((t) => t.name === typeName)!.values
    .flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]).map((w) => [typeName, w, carrier] as const)))(
    'captures %s "%s" in a slot', (_, word, carrier) => {
      expect(carrier).toBeDefined();
      const r = resolveUtterance(carrier!.sample.replace(`{${carrier!.slot}}`, word), locale);
      expect(r.intent).toBe(carrier!.intent);
      expect(r.slots[carrier!.slot]?.replace(/\./g, '')).toBe(word.toLocaleLowerCase().replace(/\./g, ''));
    });

  const publishing = (manifest.manifest.publishingInformation.locales as Record<string, { examplePhrases: string[] }>)[locale];
  it.each(publishing?.examplePhrases ?? [])('understands the example phrase "%s", with its slots resolved', (phrase) => {
    const r = resolveUtterance(phrase, locale);
    expect(r.intent).not.toBe('AMAZON.FallbackIntent');
    for (const [slotName, value] of Object.entries(r.slots)) {
      const type = lm.intents.find((i) => i.name === r.intent)?.slots?.find((s) => s.name === slotName)?.type as string;
      expect(resolveValue(type, value, locale), `${slotName} "${value}"`).toBeDefined();
    }
  });
});

describe('simulator language understanding (en-US phrasing)', () => {
  it('understands launch, name-free launch and one-shot phrasing', () => {
    expect(resolveUtterance('open foot acupressure')).toMatchObject({ kind: 'launch', intent: LAUNCH });
    expect(resolveUtterance('Alexa, ask foot acupressure')).toMatchObject({ kind: 'launch' });
    expect(resolveUtterance('start my foot acupressure')).toMatchObject({ kind: 'launch' });
    expect(resolveUtterance('Alexa, ask foot acupressure to start the heel routine')).toMatchObject({ intent: 'StartRoutineIntent', slots: { routine: 'heel' }, oneShot: true });
    expect(resolveUtterance('work on my ankles')).toMatchObject({ kind: 'intent', intent: 'StartAnkleRoutineIntent', oneShot: false });
  });

  it('understands launch and one-shot phrasing in German, Spanish and French', () => {
    expect(resolveUtterance('öffne akupressur für die füße', 'de-DE')).toMatchObject({ kind: 'launch' });
    expect(resolveUtterance('abre acupresión de pies', 'es-ES')).toMatchObject({ kind: 'launch' });
    expect(resolveUtterance('ouvre acupression des pieds', 'fr-FR')).toMatchObject({ kind: 'launch' });
    expect(resolveUtterance('demande à acupression des pieds de lancer la routine des chevilles', 'fr-FR')).toMatchObject({ oneShot: true });
  });

  it.each([
    ['help', 'AMAZON.HelpIntent'], ['stop', 'AMAZON.StopIntent'], ['cancel', 'AMAZON.CancelIntent'], ['next', 'AMAZON.NextIntent'],
    ['go back', 'AMAZON.PreviousIntent'], ['repeat', 'AMAZON.RepeatIntent'], ['pause', 'AMAZON.PauseIntent'], ['resume', 'AMAZON.ResumeIntent'],
    ['start over', 'AMAZON.StartOverIntent'], ['yes', 'AMAZON.YesIntent'], ['no', 'AMAZON.NoIntent'], ['home', 'AMAZON.NavigateHomeIntent'],
    ['continue my routine', 'ResumeRoutineIntent'], ['make the holds long', 'SetHoldLengthIntent'], ['Where is K. I. six?', 'WherePointIntent'],
    ['it hurts', 'PainIntent'], ["I'm pregnant", 'PregnantIntent'], ["I don't know", 'UnsureIntent'], ['how much longer', 'HowLongIntent'],
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
