/**
 * The skill's own esbuild plugins (tools/bundle-plugins.ts): the module that holds every locale's words in the
 * bundle answers exactly as src/alexa/words.ts does from the repository, and the ask-sdk-model stand-in refuses
 * to build a service client.
 */
import { createRequire } from 'node:module';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { RESOURCE_SETS } from '../../src/alexa/locales.js';
import { wordsOf } from '../../src/alexa/words.js';
import { bundledWordsModule, NO_SERVICE_CLIENTS } from '../../tools/bundle-plugins.js';

/** Runs a generated module as the CommonJS bundle would, with Node's own require. */
function load<T>(source: string): T {
  const { code } = transformSync(source, { format: 'cjs', loader: 'js' });
  const module = { exports: {} as T };
  new Function('module', 'exports', 'require', code)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

describe('the words held in the bundle', () => {
  const bundled = load<{ wordsOf: typeof wordsOf }>(bundledWordsModule());

  it.each(RESOURCE_SETS)('gives %s the same words as the repository, namespace for namespace', (set) => {
    expect(bundled.wordsOf(set)).toEqual(wordsOf(set));
  });

  it('keeps English as plain text and packs the other languages', () => {
    const source = bundledWordsModule();
    expect(source).toContain('Welcome to Foot Acupressure');
    for (const word of ['Willkommen', 'Bienvenue', 'bienvenida']) expect(source).not.toContain(word);
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
