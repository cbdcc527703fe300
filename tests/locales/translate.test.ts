/**
 * The per-voice translate (src/alexa/i18n.ts `fastTranslate`) answers exactly what i18next answers, for every
 * key of every locale: plain, with each of its parameters, with a parameter missing, and for plurals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import chains from '../../locales/index.json';
import { i18nextTranslate, loadVoice } from '../../src/alexa/i18n.js';
import type { MessageKey } from '../../src/core/messages.js';

type Tree = { [k: string]: string | Tree };
const leaves = (o: Tree, prefix = ''): [string, string][] => Object.entries(o).flatMap(([k, v]) =>
  typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`));
/** Every key a locale can say, with its template: its own sets and those it falls back to. */
function keysOf(locale: string): Map<string, string> {
  const sets = [...(chains as Record<string, string[]>)[locale]!].reverse();
  return new Map(sets.flatMap((set) => readdirSync(`locales/${set}`).flatMap((f) =>
    leaves(JSON.parse(readFileSync(`locales/${set}/${f}`, 'utf8')) as Tree, `${f.replace('.json', '')}:`))));
}
const PLURAL = /_(zero|one|two|few|many|other)$/;

describe.each(Object.keys(chains))('translate in %s', (locale) => {
  const keys = keysOf(locale);

  it('uses only {{name}} placeholders (what the fast path fills in)', () => {
    const other = [...keys].filter(([, v]) => /\{\{(?!\w+\}\})|\$t\(/.test(v));
    expect(other).toEqual([]);
  });

  it('answers every key as i18next does: plain, filled, with a parameter missing, and plurals', async () => {
    const voice = await loadVoice(locale);
    const t = voice.t as (key: string, params?: Record<string, string | number>) => string;
    let compared = 0;
    for (const [key, template] of keys) {
      const names = [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
      const base = key.replace(PLURAL, '');
      const cases: (Record<string, string | number> | undefined)[] = PLURAL.test(key)
        ? [1, 2, 5, 21].map((count) => ({ count, ...Object.fromEntries(names.filter((n) => n !== 'count').map((n) => [n, `<${n}>`])) }))
        : [undefined, Object.fromEntries(names.map((n, i) => [n, i % 2 ? i : `<${n}>`])), ...(names.length ? [Object.fromEntries(names.slice(1).map((n) => [n, 'x']))] : [])];
      for (const params of cases) {
        expect(t(base, params), `${key} ${JSON.stringify(params)}`).toBe(await i18nextTranslate(locale, base, params));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('keeps answering the same after the first call (the cache returns what it stored)', async () => {
    const voice = await loadVoice(locale);
    const first = voice.t('common:welcome' as MessageKey);
    expect(voice.t('common:welcome' as MessageKey)).toBe(first);
    expect(first).toBe(await i18nextTranslate(locale, 'common:welcome'));
  });
});
