/**
 * The locale seam: a request's locale picks the words (i18next, one instance), the speaking rate,
 * the list format and, through the words, the voice's phonemes. Locales and their fallbacks are data
 * (`locales/index.json`); each language's words are loaded on the first request in that language
 * (esbuild bundles every `locales/<set>/<ns>.json` into the one file as text, see `readWords`).
 */
import { existsSync, readFileSync } from 'node:fs';
import i18next from 'i18next';
import chains from '../../locales/index.json';
import { NAMESPACES, type Namespace, type Resources, type Translate } from '../core/messages.js';
import { CUE_CHIME } from '../core/sounds.js';
import { speechRateFor } from '../core/speech.js';
import type { Pace } from '../core/timeline.js';
import type { Voice } from '../core/voice.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

const CHAINS = chains as Readonly<Record<string, readonly string[]>>;

/**
 * One namespace of one resource set, or undefined where a set leaves it out (en-GB overrides a few words only).
 * - The Lambda bundle: the `type: 'text'` attribute makes esbuild inline every locale file as a string literal,
 *   parsed here on first use. A string costs a cold start far less to scan than the same words as object
 *   literals (docs/performance.md), and nothing is read from disk at run time. Only the words get the text
 *   loader: other JSON (ask-sdk-core's package.json, which gives the user agent its version) stays JSON.
 * - vitest ignores the attribute and gives the parsed object.
 * - Node's own loader (tsx) refuses a text attribute: there the file is read from the repository.
 */
async function readWords(set: string, ns: Namespace): Promise<object | undefined> {
  try {
    const words: unknown = ((await import(`../../locales/${set}/${ns}.json`, { with: { type: 'text' } })) as { default: unknown }).default;
    return (typeof words === 'string' ? JSON.parse(words) : words) as object;
  } catch (error) {
    // The bundle's import map throws "Module not found in bundle" for a file it does not have.
    if ((error as { code?: unknown }).code !== 'ERR_IMPORT_ATTRIBUTE_UNSUPPORTED') return undefined;
    const file = new URL(`../../locales/${set}/${ns}.json`, import.meta.url);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as object) : undefined;
  }
}
export const SUPPORTED_LOCALES = Object.keys(CHAINS);
export const FALLBACK_LOCALE = 'en-US';
/** `<prosody rate>` of the slow pace, in percent. */
export const SLOW_RATE_PERCENT = 85;

/** The supported locale that serves a request's locale; unknown ones get the fallback. */
export function resolveLocale(requested: string | undefined): string {
  return requested && requested in CHAINS ? requested : FALLBACK_LOCALE;
}

const i18n = i18next.createInstance();
void i18n.init({
  resources: {},
  lng: 'en',
  // en-GB → en; a language of its own (de, es, fr) falls back to nothing, so no English can leak in.
  fallbackLng: Object.fromEntries([...Object.values(CHAINS).map((c) => [c[0] as string, c.slice(1)]), ['default', []]]),
  ns: [...NAMESPACES],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
  load: 'currentOnly',
});

const loaded = new Map<string, Promise<void>>();

/** Loads one resource set (e.g. `de`, `en-GB`) once: its five namespaces, from the bundle. */
function loadSet(set: string): Promise<void> {
  let done = loaded.get(set);
  if (!done) {
    done = Promise.all(NAMESPACES.map(async (ns: Namespace) => {
      i18n.addResourceBundle(set, ns, (await readWords(set, ns)) ?? {}, true, true);
    })).then(() => undefined);
    loaded.set(set, done);
  }
  return done;
}

const voices = new Map<string, Voice>();

/** `{{name}}` placeholders, the only interpolation our words use (no formats, no nesting; tests/locales/translate.test.ts). */
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * i18next's t() for one voice, with its work done once per key: words never change after loading, so a
 * key's template is looked up through the fallback chain once and kept. Parameters are filled in here
 * unless a plural (`count`) or a missing parameter needs i18next. Warm requests spent about a quarter of
 * their time in i18next's key parsing and lookups (CPU profile, docs/performance.md).
 */
function fastTranslate(chain: readonly string[], fixed: (key: string, options?: object) => string): Translate {
  const templates = new Map<string, string | null>();
  const template = (key: string): string | null => {
    let found = templates.get(key);
    if (found === undefined) {
      const colon = key.indexOf(':');
      const [ns, path] = [key.slice(0, colon), key.slice(colon + 1)];
      found = null;
      for (const set of chain) {
        const value: unknown = i18n.getResource(set, ns, path);
        if (typeof value === 'string') { found = value; break; }
      }
      templates.set(key, found);
    }
    return found;
  };
  return (key, params) => {
    const text = template(key);
    if (text === null || (params && 'count' in params)) return fixed(key, params);
    if (!params) return text;
    let missing = false;
    const filled = text.replace(PLACEHOLDER, (_, name: string) => {
      const value = params[name];
      if (value === undefined) { missing = true; return ''; }
      return String(value);
    });
    return missing ? fixed(key, params) : filled;
  };
}

/** The voice for a locale and pace: loads its words on first use, then answers from a cache. */
export async function loadVoice(requested: string | undefined, pace: Pace = 'normal'): Promise<Voice> {
  const locale = resolveLocale(requested);
  const id = `${locale}|${pace}`;
  const cached = voices.get(id);
  if (cached) return cached;
  const chain = CHAINS[locale] as readonly string[];
  await Promise.all(chain.map(loadSet));
  const lng = chain[0] as string;
  const fixed = i18n.getFixedT(lng) as unknown as (key: string, options?: object) => string;
  const t = fastTranslate(chain, fixed);
  // Built on first use: the first Intl.ListFormat of a process loads ICU data (measured ~20 ms), and most requests list nothing.
  const formats = new Map<string, Intl.ListFormat>();
  const list = (items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string => {
    let format = formats.get(type);
    if (!format) { format = new Intl.ListFormat(locale, { type }); formats.set(type, format); }
    return format.format(items);
  };
  const ratePercent = pace === 'slow' ? SLOW_RATE_PERCENT : 100;
  const voice: Voice = { locale, t, rate: speechRateFor(locale, ratePercent), chime: CUE_CHIME, ratePercent, list };
  voices.set(id, voice);
  return voice;
}

/** Whether a key exists in a locale's own words, without fallback (tests). */
export async function hasMessage(locale: string, key: string): Promise<boolean> {
  await loadVoice(locale);
  const chain = CHAINS[resolveLocale(locale)] as readonly string[];
  return chain.some((set) => i18n.exists(key, { lng: set, fallbackLng: false }));
}

/** i18next's own answer for a key, bypassing the per-voice cache (tests hold the two equal). */
export async function i18nextTranslate(locale: string, key: string, params?: object): Promise<string> {
  await loadVoice(locale);
  const lng = (CHAINS[resolveLocale(locale)] as readonly string[])[0] as string;
  return (i18n.getFixedT(lng) as unknown as (key: string, options?: object) => string)(key, params);
}
