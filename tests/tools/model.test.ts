import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOLD_LENGTHS, POINT_IDS, ROUTINE_IDS, TECHNIQUE_IDS } from '../../src/core/content/types.js';

// Read as text and parsed here, so a stray comma fails this test rather than an import.
const model = JSON.parse(readFileSync('skill-package/interactionModels/custom/en-US.json', 'utf8'));
const manifest = JSON.parse(readFileSync('skill-package/skill.json', 'utf8')).manifest;
const resources = JSON.parse(readFileSync('ask-resources.json', 'utf8'));

interface Intent { name: string; slots?: { name: string; type: string }[]; samples?: string[] }
interface SlotType { name: string; values: { id: string; name: { value: string; synonyms?: string[] } }[] }
const lm = model.interactionModel.languageModel as { invocationName: string; intents: Intent[]; types: SlotType[] };
const intent = (name: string) => lm.intents.find((i) => i.name === name);

/** The contract with the handlers: intent names and their slots (name → type). */
const CUSTOM_INTENTS: Record<string, Record<string, string>> = {
  StartRoutineIntent: { routine: 'RoutineName' },
  StartAnkleRoutineIntent: {},
  StartHeelRoutineIntent: {},
  ListRoutinesIntent: {},
  WherePointIntent: { point: 'PointName' },
  PointBenefitIntent: { point: 'PointName' },
  TechniqueIntent: { technique: 'TechniqueName' },
  SetHoldLengthIntent: { holdLength: 'HoldLengthName' },
  SetSoundsIntent: { toggle: 'Toggle' },
  SetCountdownIntent: { toggle: 'Toggle' },
  ResumeRoutineIntent: {},
  ResetSettingsIntent: {},
  DeleteDataIntent: {},
};
const BUILT_INS = ['Help', 'Stop', 'Cancel', 'NavigateHome', 'Fallback', 'Next', 'Previous', 'Repeat', 'Pause', 'Resume', 'StartOver', 'Yes', 'No']
  .map((n) => `AMAZON.${n}Intent`);

describe('interaction model (en-US)', () => {
  it('uses the invocation name "foot acupressure"', () => {
    expect(lm.invocationName).toBe('foot acupressure');
  });

  it('declares every required and used built-in intent', () => {
    expect(lm.intents.map((i) => i.name)).toEqual(expect.arrayContaining(BUILT_INS));
  });

  it.each(Object.entries(CUSTOM_INTENTS))('declares %s with the slots the handlers read', (name, slots) => {
    const declared = intent(name);
    expect(declared, name).toBeDefined();
    expect(Object.fromEntries((declared!.slots ?? []).map((s) => [s.name, s.type]))).toEqual(slots);
    expect(declared!.samples!.length).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ['RoutineName', ROUTINE_IDS], ['PointName', POINT_IDS], ['TechniqueName', TECHNIQUE_IDS], ['HoldLengthName', HOLD_LENGTHS], ['Toggle', ['on', 'off']],
  ] as const)('%s value ids are exactly the domain ids', (typeName, ids) => {
    const type = lm.types.find((t) => t.name === typeName);
    expect(type?.values.map((v) => v.id).sort()).toEqual([...ids].sort());
  });

  it('keeps each sample in one intent, in the platform\'s characters', () => {
    const seen = new Map<string, string>();
    for (const i of lm.intents) {
      for (const sample of i.samples ?? []) {
        expect(sample, i.name).toMatch(/^(?:[a-z' ]|[a-z]\.|\{\w+\})+$/);
        expect(seen.get(sample), `"${sample}" in ${i.name} and ${seen.get(sample)}`).toBeUndefined();
        seen.set(sample, i.name);
      }
    }
  });

  it('routes the name-free phrases to the launch and the slot-free routine intents', () => {
    const ingress = model.interactionModel._nameFreeInteraction.ingressPoints as { type: string; name?: string; format: string; value: string }[];
    expect(ingress).toContainEqual({ type: 'LAUNCH', format: 'RAW_TEXT', value: 'start my foot acupressure' });
    expect(ingress).toContainEqual({ type: 'INTENT', name: 'StartAnkleRoutineIntent', format: 'RAW_TEXT', value: 'start ankle routine' });
    expect(ingress).toContainEqual({ type: 'INTENT', name: 'StartHeelRoutineIntent', format: 'RAW_TEXT', value: 'start heel routine' });
    for (const target of new Set(ingress.map((p) => p.name ?? 'LAUNCH'))) {
      expect(ingress.filter((p) => (p.name ?? 'LAUNCH') === target).length, target).toBeLessThanOrEqual(5);
    }
    for (const p of ingress.filter((q) => q.type === 'INTENT')) expect(intent(p.name!)?.slots ?? []).toEqual([]);
  });
});

describe('skill manifest and ASK CLI resources', () => {
  const en = manifest.publishingInformation.locales['en-US'];

  it('frames the skill as self-care and not medical advice', () => {
    expect(en.description).toContain('not a substitute for professional medical advice');
    expect(en.description).toMatch(/doctor/);
    expect(en.description).toMatch(/stop if anything hurts/i);
    expect(manifest.publishingInformation.category).toBe('HEALTH_AND_FITNESS');
  });

  it('gives at most three example phrases, the first with the invocation name', () => {
    expect(en.examplePhrases.length).toBeLessThanOrEqual(3);
    expect(en.examplePhrases[0]).toBe('Alexa, open foot acupressure');
  });

  it('leaves the endpoint and privacy URLs as marked placeholders, with CanFulfill and no permissions', () => {
    expect(manifest.apis.custom.endpoint.uri).toBe('arn:aws:lambda:REPLACE_WITH_FUNCTION_ARN');
    expect(manifest.apis.custom.interfaces).toContainEqual({ type: 'CAN_FULFILL_INTENT_REQUEST' });
    expect(manifest.privacyAndCompliance.locales['en-US'].privacyPolicyUrl).toBe('https://REPLACE-WITH-PUBLISHER-PRIVACY-POLICY-URL');
    expect(manifest.permissions ?? []).toEqual([]);
  });

  it('points the ASK CLI at skill-package', () => {
    expect(resources.profiles.default.skillMetadata.src).toBe('./skill-package');
  });
});
