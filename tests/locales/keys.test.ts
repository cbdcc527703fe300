import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage, SUPPORTED_LOCALES } from '../../src/alexa/i18n.js';
import { ROUTINES } from '../../src/core/content/routines.js';
import { POINT_IDS, TECHNIQUE_IDS } from '../../src/core/content/types.js';
import { CUE_IDS } from '../../src/core/timeline.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** A key exists when it, or its plural forms, are in the locale. */
const exists = (locale: string, key: string) => hasMessage(locale, key) || hasMessage(locale, `${key}_one`);

/** Every key the code can ask for: literal keys in src, and the keys built from content ids. */
function usedKeys(): string[] {
  const literal = sourceFiles('src').flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/'((?:common|cues|points|routines|techniques):[A-Za-z0-9_.]+)'/g)].map((m) => m[1] as string));
  const dynamic = [
    ...Object.values(ROUTINES).flatMap((r) => [
      `routines:${r.id}.name`, `routines:${r.id}.intro`,
      ...r.steps.flatMap((s) => [`routines:${r.id}.steps.${s.id}.title`, `routines:${r.id}.steps.${s.id}.setup`]),
    ]),
    ...POINT_IDS.flatMap((id) => ['name', 'spokenCode', 'otherNames', 'location', 'helps', 'caution'].map((f) => `points:${id}.${f}`)),
    ...TECHNIQUE_IDS.flatMap((id) => [`techniques:${id}.name`, `techniques:${id}.how`]),
    ...CUE_IDS.map((c) => `cues:${c}`),
    ...['release', 'foot', 'hold'].map((b) => `cues:continue.${b}`),
    ...['begin', 'continue', 'repeat', 'resume', 'startOver', 'back', 'atFirstStep'].map((n) => `common:notes.${n}`),
    ...['idle', 'routine', 'paused', 'question'].map((w) => `common:help.${w}`),
    ...['idle', 'routine', 'question'].map((w) => `common:fallback.${w}`),
    ...['short', 'standard', 'long'].map((h) => `common:prefs.holdLength_${h}`),
    ...['chimes', 'countdown'].flatMap((p) => ['on', 'off'].map((v) => `common:prefs.${p}_${v}`)),
  ];
  return [...new Set([...literal, ...dynamic])];
}

describe('locale keys', () => {
  const keys = usedKeys();

  it('finds the keys the code uses', () => {
    expect(keys.length).toBeGreaterThan(150);
  });

  it.each(SUPPORTED_LOCALES)('%s has every key the code can ask for', (locale) => {
    const missing = keys.filter((k) => !exists(locale, k) && !k.endsWith('.caution'));
    expect(missing).toEqual([]);
  });

  it('has no words the code never asks for (dead words still ship in the bundle)', () => {
    const leaves = (o: Record<string, unknown>, prefix: string): string[] => Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'string' ? [`${prefix}${k.replace(/_(one|other)$/, '')}`] : leaves(v as Record<string, unknown>, `${prefix}${k}.`));
    const all = readdirSync('locales/en-US').flatMap((file) => leaves(JSON.parse(readFileSync(join('locales/en-US', file), 'utf8')), `${file.replace('.json', '')}:`));
    const used = new Set(keys);
    expect(all.filter((k) => !used.has(k))).toEqual([]);
  });

  it('keeps locale strings free of markup, so SSML escaping happens in one place', () => {
    for (const file of readdirSync('locales/en-US')) {
      const text = readFileSync(join('locales/en-US', file), 'utf8');
      expect(text, file).not.toMatch(/<[a-z/]|&(amp|lt|gt|quot|apos);/i);
    }
  });
});
