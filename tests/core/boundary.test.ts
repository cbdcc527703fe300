import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? files(p) : [p];
});

describe('the core stays pure', () => {
  it.each(files('src/core'))('%s imports no Alexa, AWS, i18next or Node I/O', (file) => {
    const imports = [...readFileSync(file, 'utf8').matchAll(/^\s*import\s+(?:type\s+)?[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);
    for (const spec of imports) {
      const typeOnlyLocale = spec.startsWith('../../locales/');
      expect(typeOnlyLocale || spec.startsWith('./') || spec.startsWith('../'), `${file} imports ${spec}`).toBe(true);
    }
    // Locale files may only be imported for their types (words reach the core through a Translate function).
    expect(readFileSync(file, 'utf8')).not.toMatch(/^import (?!type)[^;]*locales\//m);
  });
});
