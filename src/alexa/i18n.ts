/**
 * The locale seam: a request's locale picks the words (i18next, one instance), the speaking rate,
 * the list format and, through the words, the voice's phonemes. Locales and their fallbacks are data
 * (`locales/index.json`, src/alexa/locales.ts); each set's words are parsed on the first request that needs
 * them (src/alexa/words.ts; in the bundle, packed into the one file by tools/bundle-plugins.ts).
 */
import i18next from 'i18next';
import { NAMESPACES, type Resources, type Translate } from '../core/messages.js';
import { CUE_CHIME } from '../core/sounds.js';
import { speechRateFor } from '../core/speech.js';
import type { Pace } from '../core/timeline.js';
import type { Voice } from '../core/voice.js';
import { CHAINS, resolveLocale } from './locales.js';
import { wordsOf } from './words.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

/** `<prosody rate>` of the slow pace, in percent. */
export const SLOW_RATE_PERCENT = 85;

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

const loaded = new Set<string>();

/**
 * Adds one resource set (e.g. `de`, `en-GB`) once: its namespaces as they are (no deep merge and no copy:
 * a set is added once and never changed, and i18next's copy was a tenth of a cold first response).
 */
function loadSet(set: string): void {
  if (loaded.has(set)) return;
  const words = wordsOf(set) ?? {};
  for (const ns of NAMESPACES) i18n.addResourceBundle(set, ns, words[ns] ?? {}, false, true, { skipCopy: true, silent: true });
  loaded.add(set);
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
  chain.forEach(loadSet);
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
