import { describe, expect, it } from 'vitest';
import model from '../../skill-package/interactionModels/custom/en-US.json';
import { intentRequest, resolveValue } from '../../tools/envelopes.js';
import { resolveUtterance } from '../../tools/nlu.js';
import { ssmlToText } from '../../tools/conversation.js';

interface Intent { name: string; slots?: { name: string; type: string }[]; samples: string[] }
interface SlotType { name: string; values: { id: string; name: { value: string } }[] }
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

  it('understands launch and one-shot phrasing', () => {
    expect(resolveUtterance('open foot acupressure')).toMatchObject({ kind: 'launch' });
    expect(resolveUtterance('Alexa, ask foot acupressure to start the heel routine')).toMatchObject({ intent: 'StartRoutineIntent', slots: { routine: 'heel' }, oneShot: true });
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
