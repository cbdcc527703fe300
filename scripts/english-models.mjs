#!/usr/bin/env node
/**
 * The English-speaking markets share one model: en-GB, en-CA, en-AU and en-IN are generated from en-US
 * with their own spellings and words added as synonyms and samples. `node scripts/english-models.mjs`
 * writes them; tests/model checks they are up to date (`--check` exits 1 when they are not).
 */
import { readFileSync, writeFileSync } from 'node:fs';

const DIR = 'skill-package/interactionModels/custom';
/** Extra words each market says for the same things (added, never replacing en-US's). */
const EXTRA = {
  'en-GB': { TechniqueName: { lightFirm: ['soft and firm pressure'] }, samples: { 'AMAZON.StopIntent': ['that will do'] } },
  'en-CA': {},
  'en-AU': { samples: { 'AMAZON.StopIntent': ["that'll do"] } },
  'en-IN': { samples: { 'AMAZON.HelpIntent': ['please help me'] } },
};

const base = JSON.parse(readFileSync(`${DIR}/en-US.json`, 'utf8'));
let stale = false;
for (const [locale, extra] of Object.entries(EXTRA)) {
  const model = structuredClone(base);
  const lm = model.interactionModel.languageModel;
  for (const type of lm.types) {
    for (const value of type.values) {
      const more = extra[type.name]?.[value.id] ?? [];
      if (more.length) value.name.synonyms = [...new Set([...(value.name.synonyms ?? []), ...more])];
    }
  }
  for (const intent of lm.intents) {
    const more = extra.samples?.[intent.name] ?? [];
    if (more.length) intent.samples = [...new Set([...intent.samples, ...more])];
  }
  const text = `${JSON.stringify(model, null, 2)}\n`;
  const path = `${DIR}/${locale}.json`;
  let current = '';
  try { current = readFileSync(path, 'utf8'); } catch { /* new */ }
  if (current !== text) {
    stale = true;
    if (!process.argv.includes('--check')) writeFileSync(path, text);
  }
}
if (process.argv.includes('--check') && stale) {
  console.error('English models are out of date: run node scripts/english-models.mjs');
  process.exit(1);
}
