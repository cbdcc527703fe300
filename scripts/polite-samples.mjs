#!/usr/bin/env node
/**
 * "Please" at the end of anything (issue 21): every sample of the hand-written models gets its polite form
 * ("start the {routine} please", "weiter bitte", "siguiente por favor", "pause s'il te plaît"), and the
 * built-ins get the polite forms of their core words, which the built-in's own phrases may not cover.
 * Samples are how a custom model learns what people say ("Include as many representative phrases as possible",
 * https://developer.amazon.com/docs/custom-skills/create-the-interaction-model-for-your-skill.html); without them
 * "the heel routine please" was taken by the only sample that ended in "please" ("{pace} please": the pace menu).
 *
 * `node scripts/polite-samples.mjs` adds what is missing (run it before scripts/english-models.mjs, which copies
 * en-US to the other English markets); `--check` exits 1 when a model lacks a polite form. A polite form that
 * another intent already has as a sample is left out (samples must be unique across intents) and listed.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const DIR = 'skill-package/interactionModels/custom';
/** The words for "please" at the end of a request, per hand-written model (fr: both registers, people use both). */
const PLEASE = {
  'en-US': ['please'],
  'de-DE': ['bitte'],
  'es-ES': ['por favor'],
  'fr-FR': ["s'il te plaît", "s'il vous plaît"],
};
/** Core words of the built-ins, said politely (the built-in's own phrases are Amazon's; these are ours). */
const BUILT_INS = {
  'en-US': {
    'AMAZON.NextIntent': ['next'], 'AMAZON.PreviousIntent': ['back'], 'AMAZON.RepeatIntent': ['repeat', 'again'],
    'AMAZON.PauseIntent': ['pause'], 'AMAZON.ResumeIntent': ['resume'], 'AMAZON.StopIntent': ['stop'],
    'AMAZON.CancelIntent': ['cancel'], 'AMAZON.HelpIntent': ['help', 'help me', 'what do i do'], 'AMAZON.StartOverIntent': ['start over'],
    'AMAZON.YesIntent': ['yes'],
  },
  'de-DE': {
    'AMAZON.NextIntent': ['weiter'], 'AMAZON.PreviousIntent': ['zurück'], 'AMAZON.RepeatIntent': ['wiederholen', 'nochmal'],
    'AMAZON.PauseIntent': ['pause'], 'AMAZON.ResumeIntent': ['fortsetzen'], 'AMAZON.StopIntent': ['stopp'],
    'AMAZON.CancelIntent': ['abbrechen'], 'AMAZON.HelpIntent': ['hilfe'], 'AMAZON.StartOverIntent': ['von vorne'],
  },
  'es-ES': {
    'AMAZON.NextIntent': ['siguiente'], 'AMAZON.PreviousIntent': ['atrás'], 'AMAZON.RepeatIntent': ['repite', 'otra vez'],
    'AMAZON.PauseIntent': ['pausa'], 'AMAZON.ResumeIntent': ['continúa'], 'AMAZON.StopIntent': ['para'],
    'AMAZON.CancelIntent': ['cancela'], 'AMAZON.HelpIntent': ['ayuda'], 'AMAZON.StartOverIntent': ['empieza de nuevo'],
    'AMAZON.YesIntent': ['sí'],
  },
  'fr-FR': {
    'AMAZON.NextIntent': ['suivant'], 'AMAZON.PreviousIntent': ['précédent'], 'AMAZON.RepeatIntent': ['répète', 'encore'],
    'AMAZON.PauseIntent': ['pause'], 'AMAZON.ResumeIntent': ['reprends'], 'AMAZON.StopIntent': ['arrête'],
    'AMAZON.CancelIntent': ['annule'], 'AMAZON.HelpIntent': ['aide'], 'AMAZON.StartOverIntent': ['recommence'],
    'AMAZON.YesIntent': ['oui'],
  },
};

const check = process.argv.includes('--check');
let missing = 0;
for (const [locale, words] of Object.entries(PLEASE)) {
  const path = `${DIR}/${locale}.json`;
  const before = readFileSync(path, 'utf8');
  const model = JSON.parse(before);
  const intents = model.interactionModel.languageModel.intents;
  const owner = new Map(intents.flatMap((i) => i.samples.map((s) => [s, i.name])));
  const types = new Map(model.interactionModel.languageModel.types.map((t) => [t.name, t.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])])]));
  /** Another intent that has this polite sample with its slot filled by one of the slot type's words ("{routine} bitte" and "die knöchel bitte"). */
  const takenFilled = (intent, polite) => {
    const slot = /\{(\w+)\}/.exec(polite)?.[1];
    const type = slot && intent.slots?.find((s) => s.name === slot)?.type;
    const words = (type && types.get(type)) ?? [];
    return words.map((w) => owner.get(polite.replace(`{${slot}}`, w.toLocaleLowerCase()))).find((o) => o && o !== intent.name);
  };
  const skipped = [];
  for (const intent of intents) {
    if (intent.name === 'AMAZON.FallbackIntent') continue;
    const plain = [...intent.samples, ...(BUILT_INS[locale][intent.name] ?? [])].filter((s) => !words.some((w) => s.includes(w)));
    for (const sample of plain) {
      for (const word of words) {
        const polite = `${sample} ${word}`;
        const has = owner.get(polite) ?? takenFilled(intent, polite);
        if (has === intent.name) continue;
        if (has) { skipped.push(`${polite} (${has})`); continue; }
        intent.samples.push(polite);
        owner.set(polite, intent.name);
        missing += 1;
      }
    }
  }
  const text = `${JSON.stringify(model, null, 2)}\n`;
  if (text !== before && !check) writeFileSync(path, text);
  if (skipped.length && !check) console.log(`${locale}: left out (another intent has it): ${skipped.join('; ')}`);
}
if (check && missing) {
  console.error(`${missing} samples lack their polite form: run node scripts/polite-samples.mjs`);
  process.exit(1);
}
