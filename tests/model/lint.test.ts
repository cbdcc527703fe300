import { describe, expect, it } from 'vitest';
import model from '../../skill-package/interactionModels/custom/en-US.json';
import manifest from '../../skill-package/skill.json';
import { requestHandlers } from '../../src/handlers/index.js';
import { POINT_IDS, ROUTINE_IDS, TECHNIQUE_IDS, HOLD_LENGTHS } from '../../src/core/content/types.js';
import { intentRequest } from '../../tools/envelopes.js';
import { buildSkill } from '../../src/skill.js';

interface Intent { name: string; slots?: { name: string; type: string }[]; samples: string[] }
interface SlotType { name: string; values: { id: string; name: { value: string; synonyms?: string[] } }[] }
const lm = model.interactionModel.languageModel as unknown as { invocationName: string; intents: Intent[]; types: SlotType[] };
const custom = lm.intents.filter((i) => !i.name.startsWith('AMAZON.'));
const REQUIRED_BUILT_INS = [
  'AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent', 'AMAZON.FallbackIntent',
  'AMAZON.NextIntent', 'AMAZON.PreviousIntent', 'AMAZON.RepeatIntent', 'AMAZON.PauseIntent', 'AMAZON.ResumeIntent',
  'AMAZON.StartOverIntent', 'AMAZON.YesIntent', 'AMAZON.NoIntent',
];

describe('interaction model lint', () => {
  it('declares every required built-in intent', () => {
    expect(lm.intents.map((i) => i.name)).toEqual(expect.arrayContaining(REQUIRED_BUILT_INS));
  });

  it.each(lm.intents.map((i) => [i.name]))('%s has a handler of its own (not the catch-all)', async (name) => {
    const { unsupportedHandler } = await import('../../src/handlers/other-requests.js');
    const input = { requestEnvelope: intentRequest(name), attributesManager: { getSessionAttributes: () => ({}) } } as never;
    const handler = requestHandlers.find((h) => h.canHandle(input));
    expect(handler).toBeDefined();
    expect(handler).not.toBe(unsupportedHandler);
  });

  it('every intent a handler names is in the model', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const named = readdirSync('src/handlers').flatMap((f) =>
      [...readFileSync(`src/handlers/${f}`, 'utf8').matchAll(/'((?:AMAZON\.)?[A-Z][A-Za-z]+Intent)'/g)].map((m) => m[1] as string));
    expect(named.length).toBeGreaterThan(20);
    for (const name of new Set(named)) expect(lm.intents.map((i) => i.name), name).toContain(name);
  });

  it('has no sample utterance in two intents', () => {
    const seen = new Map<string, string>();
    for (const intent of lm.intents) {
      for (const sample of intent.samples) {
        const key = sample.toLowerCase().replace(/\{\w+\}/g, '{}');
        expect(seen.get(key), `"${sample}" in ${intent.name}`).toBeUndefined();
        seen.set(key, intent.name);
      }
    }
  });

  it('declares every slot a sample uses, and uses every slot it declares', () => {
    for (const intent of lm.intents) {
      const declared = (intent.slots ?? []).map((s) => s.name);
      const used = new Set(intent.samples.flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)));
      for (const slot of used) expect(declared, `${intent.name} {${slot}}`).toContain(slot);
      for (const slot of declared) expect(used.has(slot), `${intent.name} declares ${slot}`).toBe(true);
      for (const s of intent.slots ?? []) expect(lm.types.map((t) => t.name), s.type).toContain(s.type);
    }
  });

  it('writes samples in the platform\'s characters only', () => {
    for (const intent of lm.intents) {
      for (const sample of intent.samples) expect(sample, intent.name).toMatch(/^(?:[a-z' ]|[a-z]\.|\{\w+\})+$/);
    }
  });

  it('gives every custom intent that takes free phrasing at least ten samples', () => {
    for (const intent of custom) expect(intent.samples.length, intent.name).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ['RoutineName', ROUTINE_IDS], ['PointName', POINT_IDS], ['TechniqueName', TECHNIQUE_IDS], ['HoldLengthName', HOLD_LENGTHS], ['Toggle', ['on', 'off']],
  ] as const)('%s value ids are unique and are exactly the domain ids', (typeName, ids) => {
    const type = lm.types.find((t) => t.name === typeName)!;
    const typeIds = type.values.map((v) => v.id);
    expect(new Set(typeIds).size).toBe(typeIds.length);
    expect([...typeIds].sort()).toEqual([...ids].sort());
    const words = type.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])].map((w) => w.toLowerCase()));
    expect(new Set(words).size, `${typeName}: a synonym names two values`).toBe(words.length);
  });

  it('follows the invocation-name rules', () => {
    const name = lm.invocationName;
    expect(name).toBe(name.toLowerCase());
    expect(name.split(' ').length).toBeGreaterThanOrEqual(2);
    expect(name).not.toMatch(/\b(alexa|echo|amazon|skill|app|open|ask|launch|start|tell|play)\b/);
    expect(name).toMatch(/^[a-z ]+$/);
  });

  it('declares name-free launch phrases without slots, at most five per intent', () => {
    const ingress = model.interactionModel._nameFreeInteraction.ingressPoints;
    expect(ingress.some((p) => p.type === 'LAUNCH')).toBe(true);
    expect(ingress.find((p) => p.value === 'start ankle routine')).toMatchObject({ type: 'INTENT', name: 'StartAnkleRoutineIntent' });
    for (const p of ingress) {
      expect(p.value).not.toMatch(/[{}]/);
      if (p.type === 'INTENT') expect(lm.intents.map((i) => i.name)).toContain(p.name);
    }
    const perTarget = new Map<string, number>();
    for (const p of ingress) perTarget.set(p.name ?? 'LAUNCH', (perTarget.get(p.name ?? 'LAUNCH') ?? 0) + 1);
    for (const n of perTarget.values()) expect(n).toBeLessThanOrEqual(5);
  });

  it('describes the skill as self-care, not medical advice, with example phrases using the invocation name', () => {
    const en = manifest.manifest.publishingInformation.locales['en-US'];
    expect(en.description).toContain('not a substitute for professional medical advice');
    expect(en.examplePhrases.length).toBeLessThanOrEqual(3);
    expect(en.examplePhrases[0]).toContain(`Alexa, open ${lm.invocationName}`);
    for (const phrase of en.examplePhrases) expect(phrase.toLowerCase()).toContain(lm.invocationName);
    expect(manifest.manifest.publishingInformation.category).toBe('HEALTH_AND_FITNESS');
    expect(manifest.manifest.apis.custom.interfaces).toContainEqual({ type: 'CAN_FULFILL_INTENT_REQUEST' });
  });

  it('builds a skill whose handlers all load', () => {
    expect(() => buildSkill().create()).not.toThrow();
  });
});
