import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import chains from '../../locales/index.json';
import { hasMessage, loadVoice } from '../../src/alexa/i18n.js';
import { SUPPORTED_LOCALES } from '../../src/alexa/locales.js';
import { ROUTINES } from '../../src/core/content/routines.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

type Tree = { [k: string]: string | Tree };
const leaves = (o: Tree, prefix = ''): [string, string][] => Object.entries(o).flatMap(([k, v]) =>
  typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`));
const stripPlural = (k: string) => k.replace(/_(one|other|many|few|two|zero)$/, '');
const setOf = (dir: string) => Object.fromEntries(readdirSync(`locales/${dir}`).map((f) => [f.replace('.json', ''), JSON.parse(readFileSync(`locales/${dir}/${f}`, 'utf8')) as Tree]));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');

/** `${…}` in a template literal: an expression without braces of its own (all of ours). */
const HOLE = /\$\{[^{}]*\}/g;
const escapeRegex = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/**
 * Every key the code can ask for:
 * - literal keys in src;
 * - keys built from a typed id (`points:${id}.name`): each template literal in src is a pattern over the
 *   English keys. TypeScript already checks that every combination exists (`MessageKey` is built from
 *   locales/en); the pattern only says which words are used;
 * - step words (routine × step), the one family behind a cast (src/core/voice.ts), from the content itself.
 */
function usedKeys(englishKeys: readonly string[]): string[] {
  const sources = sourceFiles('src').map((file) => readFileSync(file, 'utf8'));
  const literal = sources.flatMap((code) =>
    [...code.matchAll(/'((?:common|cues|points|routines|techniques):[A-Za-z0-9_.]+)'/g)].map((m) => m[1] as string));
  const templates = sources.flatMap((code) =>
    [...code.matchAll(/`((?:common|cues|points|routines|techniques):[^`]*\$\{[^`]*)`/g)].map((m) =>
      new RegExp(`^${(m[1] as string).split(HOLE).map(escapeRegex).join('[A-Za-z0-9_]+')}$`)));
  const built = englishKeys.filter((k) => templates.some((t) => t.test(k)));
  const steps = Object.values(ROUTINES).flatMap((r) =>
    r.steps.flatMap((s) => ['title', 'setup', 'setupShort', 'reminder'].map((f) => `routines:${r.id}.steps.${s.id}.${f}`)));
  return [...new Set([...literal, ...built, ...steps])];
}

describe('locale keys', () => {
  const en = setOf('en');
  const enLeaves = Object.entries(en).flatMap(([ns, tree]) => leaves(tree).map(([k, v]) => [`${ns}:${k}`, v] as [string, string]));
  const keys = usedKeys(enLeaves.map(([k]) => stripPlural(k)));

  it('finds the keys the code uses', () => {
    expect(keys.length).toBeGreaterThan(250);
  });

  it.each(SUPPORTED_LOCALES)('%s has every key the code can ask for', async (locale) => {
    const missing: string[] = [];
    for (const k of keys) if (!(await hasMessage(locale, k)) && !(await hasMessage(locale, `${k}_one`))) missing.push(k);
    expect(missing).toEqual([]);
  });

  it('has no words the code never asks for (dead words still ship in the bundle)', () => {
    const used = new Set(keys);
    expect(enLeaves.map(([k]) => stripPlural(k)).filter((k) => !used.has(k))).toEqual([]);
  });

  it.each(['de', 'es', 'fr'])('%s has exactly the English keys, with the same {{placeholders}}', (lang) => {
    const other = Object.entries(setOf(lang)).flatMap(([ns, tree]) => leaves(tree).map(([k, v]) => [`${ns}:${k}`, v] as [string, string]));
    const mine = new Map(other.map(([k, v]) => [stripPlural(k), v]));
    const theirs = new Map(enLeaves.map(([k, v]) => [stripPlural(k), v]));
    expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [k, v] of theirs) expect(placeholders(mine.get(k) ?? ''), `${lang} ${k}`).toBe(placeholders(v));
  });

  it('English markets override only a few words, with the same placeholders, and fall back to the shared en', () => {
    for (const [locale, chain] of Object.entries(chains)) {
      if (!locale.startsWith('en-') || chain.length < 2) continue;
      const overrides = Object.entries(setOf(locale)).flatMap(([ns, tree]) => leaves(tree).map(([k, v]) => [`${ns}:${k}`, v] as [string, string]));
      expect(overrides.length, locale).toBeLessThan(30);
      const base = new Map(enLeaves);
      for (const [k, v] of overrides) {
        expect(base.has(k), `${locale} ${k}`).toBe(true);
        expect(placeholders(v)).toBe(placeholders(base.get(k) ?? ''));
      }
    }
  });

  it('are generated from the shared en words, and up to date', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(process.execPath, ['scripts/english-locales.mjs', '--check'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  });

  it('spells for the market: en-GB says centre and anticlockwise, en-US center and counter-clockwise', async () => {
    const gb = await loadVoice('en-GB');
    const us = await loadVoice('en-US');
    expect(gb.t('points:SHIMIAN.location')).toContain('centre');
    expect(us.t('points:SHIMIAN.location')).toContain('center');
    for (const n of [0, 1, 2] as const) {
      expect(gb.t(`cues:circles.${n}`)).toContain('anticlockwise');
      expect(us.t(`cues:circles.${n}`)).toContain('counter-clockwise');
    }
    expect(gb.t('points:LV3.location')).toContain('towards');
    expect(us.t('points:LV3.location')).toContain('toward your');
  });

  it('keeps locale strings free of markup, so SSML escaping happens in one place', () => {
    for (const dir of readdirSync('locales').filter((d) => statSync(join('locales', d)).isDirectory())) {
      for (const file of readdirSync(join('locales', dir))) {
        expect(readFileSync(join('locales', dir, file), 'utf8'), `${dir}/${file}`).not.toMatch(/<[a-z/]|&(amp|lt|gt|quot|apos);/i);
      }
    }
  });
});
