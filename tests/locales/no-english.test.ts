/** No English may reach a German, Spanish or French response: in the words themselves, and in what the skill says. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import chains from '../../locales/index.json';
import { CheckedConversation } from '../support/talk.js';

type Tree = { [k: string]: string | Tree };
const leaves = (o: Tree, prefix = ''): [string, string][] => Object.entries(o).flatMap(([k, v]) =>
  typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`));
const words = (dir: string) => new Map(readdirSync(`locales/${dir}`).flatMap((f) => leaves(JSON.parse(readFileSync(`locales/${dir}/${f}`, 'utf8')) as Tree, `${f.replace('.json', '')}:`)));

/** English function words that are not words of German, Spanish or French. */
const ENGLISH = /\b(the|and|your|you|with|press|release|please|which|would|here|there|then)\b/i;
/** Fields that are the same in every language: pronunciations, search terms, chart codes, and names that are pinyin. */
const SAME_ANYWHERE = /:(?:[A-Z0-9]+\.(?:ipa|terms|spokenCode))$/;

describe.each([['de', 'de-DE'], ['es', 'es-ES'], ['fr', 'fr-FR']])('no English in %s', (lang, locale) => {
  const en = words('en');
  const mine = words(lang);

  it('never falls back to English: a missing word would be missing, not English', () => {
    expect((chains as Record<string, string[]>)[locale]).toEqual([lang]);
  });

  it('translates every sentence: none is the English one, and none has English function words', () => {
    // A template of placeholders and punctuation only ("{{name}}, {{code}}") has no words to translate.
    const hasWords = (v: string) => /\p{L}/u.test(v.replace(/\{\{\w+\}\}/g, ''));
    const copied = [...mine].filter(([k, v]) => v.trim() && v === en.get(k) && !SAME_ANYWHERE.test(k) && v.split(' ').length > 1 && hasWords(v));
    expect(copied).toEqual([]);
    const english = [...mine].filter(([k, v]) => !SAME_ANYWHERE.test(k) && ENGLISH.test(v));
    expect(english).toEqual([]);
  });

  it('says nothing English through the real skill: welcome, a routine, where-is, help, pain, errors of understanding', async () => {
    const c = new CheckedConversation({ envelope: { locale } });
    await c.launch();
    await c.intent('StartRoutineIntent', { routine: { value: 'x', id: 'ankle' } });
    await c.intent('AMAZON.NoIntent');
    await c.intent('AMAZON.NextIntent');
    await c.intent('HowLongIntent', {}, { afterMs: 30_000 });
    await c.intent('PainIntent', {}, { afterMs: 30_000 });
    await c.intent('LighterIntent');
    await c.intent('WherePointIntent', { point: { value: 'x', id: 'BL62' } });
    await c.intent('WherePointIntent', { point: { value: 'flibber', noMatch: true } });
    await c.intent('AMAZON.HelpIntent');
    await c.intent('AMAZON.FallbackIntent');
    await c.intent('DeleteDataIntent');
    await c.intent('AMAZON.StopIntent');
    for (const r of c.replies) {
      expect(r.speechText, r.speechText.slice(0, 80)).not.toMatch(ENGLISH);
      expect(r.reprompt).not.toMatch(ENGLISH);
    }
    expect(c.replies.length).toBeGreaterThan(10);
  });
});
