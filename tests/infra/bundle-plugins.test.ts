/**
 * The skill's own esbuild plugins (tools/bundle-plugins.ts): the module that holds every locale's words in the
 * bundle answers exactly as src/alexa/words.ts does from the repository, and the ask-sdk-model stand-in refuses
 * to build a service client.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { RESOURCE_SETS } from '../../src/alexa/locales.js';
import { wordsOf } from '../../src/alexa/words.js';
import { bundledWordsModule, languageFiles, NO_SERVICE_CLIENTS } from '../../tools/bundle-plugins.js';

/** Runs a generated module as the CommonJS bundle would, with Node's own require, from a folder of its own. */
function load<T>(source: string, dirname = tmpdir()): T {
  const { code } = transformSync(source, { format: 'cjs', loader: 'js' });
  const module = { exports: {} as T };
  new Function('module', 'exports', 'require', '__dirname', code)(module, module.exports, createRequire(import.meta.url), dirname);
  return module.exports;
}

describe('the words held in the bundle, and beside it', () => {
  // The bundle's folder as the build writes it: the module, and the other languages' files beside it.
  const dir = mkdtempSync(join(tmpdir(), 'words-'));
  for (const [file, text] of Object.entries(languageFiles())) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const bundled = load<{ wordsOf: typeof wordsOf }>(bundledWordsModule(), dir);

  it.each(RESOURCE_SETS)('gives %s the same words as the repository, namespace for namespace', (set) => {
    expect(bundled.wordsOf(set)).toEqual(wordsOf(set));
  });

  it('keeps English in the bundle and every other language in a file of its own', () => {
    const source = bundledWordsModule();
    expect(source).toContain('Welcome to Foot Acupressure');
    for (const word of ['Willkommen', 'Bienvenue', 'bienvenida']) expect(source).not.toContain(word);
    expect(Object.keys(languageFiles()).sort()).toEqual(['words/de.json', 'words/es.json', 'words/fr.json']);
    expect(languageFiles()['words/de.json']).toContain('Willkommen');
  });

  it('reads a language only when asked: no file, no words, for that language alone', () => {
    const empty = load<{ wordsOf: typeof wordsOf }>(bundledWordsModule(), mkdtempSync(join(tmpdir(), 'nowords-')));
    expect(empty.wordsOf('en')).toEqual(wordsOf('en'));
    expect(() => empty.wordsOf('de')).toThrow(/ENOENT/);
  });

  it('knows no set that is not a resource set, including the names of Object.prototype', () => {
    for (const set of ['xx', 'constructor', '__proto__', 'toString', '']) expect(bundled.wordsOf(set), set).toBeUndefined();
  });
});

describe('the ask-sdk-model stand-in', () => {
  it('has the one class CustomSkill reads, which refuses to be built with a reason', () => {
    const { services } = load<{ services: { ServiceClientFactory: new () => unknown } }>(NO_SERVICE_CLIENTS);
    expect(() => new services.ServiceClientFactory()).toThrow(/service clients are not in this bundle/);
  });
});
