/**
 * Interaction-model lint for every locale: the shared intent contract (docs/intents.md), Amazon's sample
 * and invocation-name rules, slot types whose ids are the domain ids, and name-free ingress points in the
 * shape two independent schemas agree on, in English locales only. Handlers are checked through skill.invoke.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadVoice } from '../../src/alexa/i18n.js';
import { HOLD_LENGTHS, POINT_IDS, ROUTINE_IDS, TECHNIQUE_IDS } from '../../src/core/content/types.js';
import { HEALTH_CONDITIONS } from '../../src/core/events.js';
import { FEET, PACES } from '../../src/core/timeline.js';
import { createSkill } from '../../src/skill.js';
import { intentRequest } from '../../tools/envelopes.js';
import { LOCALES, modelOf } from '../../tools/models.js';
import { expandedSamples } from '../../tools/nlu.js';
import { speechTextOf } from '../../tools/ssml.js';

const REQUIRED_BUILT_INS = [
  'AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent', 'AMAZON.FallbackIntent',
  'AMAZON.NextIntent', 'AMAZON.PreviousIntent', 'AMAZON.RepeatIntent', 'AMAZON.PauseIntent', 'AMAZON.ResumeIntent',
  'AMAZON.StartOverIntent', 'AMAZON.YesIntent', 'AMAZON.NoIntent',
  'AMAZON.LoopOnIntent', 'AMAZON.LoopOffIntent', 'AMAZON.ShuffleOnIntent', 'AMAZON.ShuffleOffIntent',
];

/** The contract every locale shares: intent → its slots (name: type), read from docs/intents.md. */
function contract(): Record<string, Record<string, string>> {
  const rows = readFileSync('docs/intents.md', 'utf8').split('\n').filter((l) => /^\| [A-Z]\w+Intent \|/.test(l));
  return Object.fromEntries(rows.map((row) => {
    const [name, slots] = row.split('|').slice(1, 3).map((c) => c.trim()) as [string, string];
    const parsed = slots === '–' ? {} : Object.fromEntries(slots.split(',').map((s) => s.trim().split(': ') as [string, string]));
    return [name, parsed];
  }));
}
const DOMAIN_IDS: Record<string, readonly string[]> = {
  RoutineName: [...ROUTINE_IDS, 'massages'], PointName: POINT_IDS, TechniqueName: TECHNIQUE_IDS, HoldLengthName: HOLD_LENGTHS,
  Toggle: ['on', 'off'], PaceName: PACES, FootName: FEET, BodyArea: ['heel', 'ankle', 'foot', 'back', 'calf'], HealthCondition: HEALTH_CONDITIONS,
};
/** Words that make a phrase a symptom, in the four languages. */
const SYMPTOM_WORDS = /\b(pain|ache|aches|sore|hurts?)\b|schmerz|\bweh\b|dolor|\bduele|\bmal\b|douleur/iu;
/** Amazon's slot types the models use (https://developer.amazon.com/en-US/docs/alexa/custom-skills/slot-type-reference.html). */
const BUILT_IN_TYPES: ReadonlySet<string> = new Set(['AMAZON.NUMBER']);
const ENGLISH = (locale: string) => locale.startsWith('en-');
const skill = createSkill();

describe.each(LOCALES)('interaction model %s', (locale) => {
  const model = modelOf(locale);
  const lm = model.interactionModel.languageModel;
  const custom = lm.intents.filter((i) => !i.name.startsWith('AMAZON.'));

  it('has exactly the shared intents with their slots, and every required built-in', () => {
    const shared = contract();
    expect(Object.keys(shared).length).toBeGreaterThanOrEqual(29);
    expect(custom.map((i) => i.name).sort()).toEqual(Object.keys(shared).sort());
    for (const intent of custom) expect(Object.fromEntries((intent.slots ?? []).map((s) => [s.name, s.type])), intent.name).toEqual(shared[intent.name]);
    expect(lm.intents.map((i) => i.name)).toEqual(expect.arrayContaining(REQUIRED_BUILT_INS));
  });

  it('answers every intent with a handler of its own (through the real skill), not the catch-all', async () => {
    const catchAll = (await loadVoice(locale)).t('common:unsupported');
    const unsupported = new Set<string>();
    for (const intent of lm.intents) {
      const out = await skill.invoke(intentRequest(intent.name, {}, { locale, newSession: true }));
      const speech = speechTextOf(out);
      if (speech === catchAll) unsupported.add(intent.name);
    }
    expect([...unsupported]).toEqual([]);
  });

  it('has no sample utterance in two intents, even with slot names ignored', () => {
    const seen = new Map<string, string>();
    for (const intent of lm.intents) {
      for (const sample of intent.samples) {
        const key = sample.toLocaleLowerCase().replace(/\{\w+\}/g, '{}');
        expect(seen.get(key), `"${sample}" in ${intent.name}`).toBeUndefined();
        seen.set(key, intent.name);
      }
    }
  });

  it('can never hear one utterance as two intents: no sample, with its slots filled by any value or synonym, belongs to two', () => {
    // "heel pain" as a routine name would skip the symptom intent's safety line; "start ankle routine" in two
    // intents leaves the choice to chance (https://developer.amazon.com/docs/custom-skills/test-utterances-and-improve-your-interaction-model.html).
    const shared = [...expandedSamples(locale)].filter(([, intents]) => intents.size > 1).map(([words, intents]) => `"${words}": ${[...intents].join(' / ')}`);
    expect(shared).toEqual([]);
  });

  it('gives a symptom to the symptom intent only: no routine name or synonym says pain, ache or sore', () => {
    const routineWords = lm.types.find((t) => t.name === 'RoutineName')!.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]);
    expect(routineWords.filter((w) => SYMPTOM_WORDS.test(w))).toEqual([]);
  });

  it('declares every slot a sample uses, and uses every slot it declares', () => {
    for (const intent of lm.intents) {
      const declared = (intent.slots ?? []).map((s) => s.name);
      const used = new Set(intent.samples.flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)));
      for (const slot of used) expect(declared, `${intent.name} {${slot}}`).toContain(slot);
      for (const slot of declared) expect(used.has(slot), `${intent.name} declares ${slot}`).toBe(true);
      // A built-in type (the weeks of "I'm 20 weeks pregnant" are an AMAZON.NUMBER) is Amazon's; every other type is ours.
      for (const s of intent.slots ?? []) if (!BUILT_IN_TYPES.has(s.type)) expect(lm.types.map((t) => t.name), s.type).toContain(s.type);
    }
  });

  it('writes samples in lower-case letters of the language, apostrophes, and periods in abbreviations only', () => {
    for (const intent of lm.intents) {
      for (const sample of intent.samples) expect(sample, intent.name).toMatch(/^(?:[\p{Ll}\p{N}' ]|\p{Ll}\.|\{\w+\})+$/u);
    }
  });

  it('gives every custom intent at least ten samples', () => {
    for (const intent of custom) expect(intent.samples.length, intent.name).toBeGreaterThanOrEqual(10);
  });

  it.each(Object.entries(DOMAIN_IDS))('%s value ids are exactly the domain ids, and no synonym names two values', (typeName, ids) => {
    const type = lm.types.find((t) => t.name === typeName)!;
    const typeIds = type.values.map((v) => v.id);
    expect([...typeIds].sort()).toEqual([...ids].sort());
    const words = type.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])].map((w) => w.toLocaleLowerCase()));
    expect(new Set(words).size, `${typeName}: a synonym names two values`).toBe(words.length);
  });

  it('follows the invocation-name rules', () => {
    const name = lm.invocationName;
    expect(name).toBe(name.toLocaleLowerCase());
    expect(name.split(' ').length).toBeGreaterThanOrEqual(2);
    expect(name).not.toMatch(/\b(alexa|echo|amazon|skill|app|open|ask|launch|start|tell|play|öffne|starte|abre|ouvre|lance)\b/u);
    expect(name).toMatch(/^[\p{Ll} ]+$/u);
  });

  it(ENGLISH(locale) ? 'declares name-free ingress points: one per launch or intent, RAW_TEXT phrases, at most five, no slots' : 'has no name-free block (English locales only)', () => {
    const nfi = model.interactionModel._nameFreeInteraction;
    if (!ENGLISH(locale)) { expect(nfi).toBeUndefined(); return; }
    const points = nfi!.ingressPoints;
    expect(points.filter((p) => p.type === 'LAUNCH')).toHaveLength(1);
    const targets = points.map((p) => p.name ?? 'LAUNCH');
    expect(new Set(targets).size).toBe(targets.length);
    for (const p of points) {
      expect(Object.keys(p).sort()).toEqual(p.type === 'LAUNCH' ? ['sampleUtterances', 'type'] : ['name', 'sampleUtterances', 'type']);
      expect(p.sampleUtterances.length).toBeGreaterThan(0);
      expect(p.sampleUtterances.length).toBeLessThanOrEqual(5);
      for (const u of p.sampleUtterances) {
        expect(u.format).toBe('RAW_TEXT');
        expect(u.value).not.toMatch(/[{}]/);
      }
      if (p.type === 'INTENT') expect(custom.find((i) => i.name === p.name)?.slots ?? []).toEqual([]);
    }
    expect(points.find((p) => p.name === 'StartAnkleRoutineIntent')?.sampleUtterances.map((u) => u.value)).toContain('start ankle routine');
  });
});

describe('English market models', () => {
  it('are generated from en-US and up to date', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, ['scripts/english-models.mjs', '--check'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  });
});
