/**
 * "Please" at the end of anything (issue 21): every utterance of the corpus, said with "please", reaches the
 * intent it reaches without; so does every sample of every hand-written model with its language's "please".
 * The polite samples come from scripts/polite-samples.mjs, which the model must be up to date with.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { modelOf } from '../../tools/models.js';
import { resolveUtterance } from '../../tools/nlu.js';
import { captureOutcomes } from '../support/outcomes.js';
import { CheckedConversation } from '../support/talk.js';
import { CORPUS } from './utterances.js';

const outcomes = captureOutcomes();
const PLEASE: Readonly<Record<string, readonly string[]>> = { 'en-US': ['please'], 'de-DE': ['bitte'], 'es-ES': ['por favor'], 'fr-FR': ["s'il te plaît", "s'il vous plaît"] };

describe('please at the end of anything', () => {
  it('the models are up to date with scripts/polite-samples.mjs', () => {
    const run = spawnSync(process.execPath, ['scripts/polite-samples.mjs', '--check'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  });

  it('every corpus utterance with "please" reaches the same intent as without', () => {
    const said = [...new Set(Object.values(CORPUS).flatMap((rows) => rows.map(([s]) => s)))]
      // Yes and no are answers, not requests: "yes please" is a sample of its own, "no please" is not how people answer.
      .filter((s) => !/\bplease\b/.test(s) && resolveUtterance(s).kind === 'intent' && !['AMAZON.YesIntent', 'AMAZON.NoIntent'].includes(resolveUtterance(s).intent));
    const wrong = said.filter((s) => resolveUtterance(`${s} please`).intent !== resolveUtterance(s).intent)
      .map((s) => `${s} please → ${resolveUtterance(`${s} please`).intent} (not ${resolveUtterance(s).intent})`);
    console.log(`polite: ${said.length} corpus utterances said with "please", ${wrong.length} reach another intent`);
    expect(wrong).toEqual([]);
  });

  it.each(Object.keys(PLEASE))('%s: every sample with "please" reaches its own intent', (locale) => {
    const intents = modelOf(locale).interactionModel.languageModel.intents;
    let checked = 0;
    for (const intent of intents) {
      for (const sample of intent.samples.filter((s) => !s.includes('{') && !PLEASE[locale]!.some((w) => s.includes(w)))) {
        for (const word of PLEASE[locale]!) {
          expect(resolveUtterance(`${sample} ${word}`, locale).intent, `${sample} ${word}`).toBe(resolveUtterance(sample, locale).intent);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('"the heel routine please" starts the heel routine through the real skill, not the pace menu (the review\'s case)', async () => {
    outcomes.length = 0;
    const r = await new CheckedConversation().say('the heel routine please');
    expect(outcomes.at(-1)).toBe('askPregnancy');
    expect(r.text).toMatch(/heel routine/);
  });
});
