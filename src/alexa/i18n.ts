import i18next from 'i18next';
import common from '../../locales/en-US/common.json';
import cues from '../../locales/en-US/cues.json';
import points from '../../locales/en-US/points.json';
import routines from '../../locales/en-US/routines.json';
import techniques from '../../locales/en-US/techniques.json';
import { NAMESPACES, type Resources, type Translate } from '../core/messages.js';
import { CUE_CHIME } from '../core/sounds.js';
import { speechRateFor } from '../core/speech.js';
import type { Voice } from '../core/turn.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

export const SUPPORTED_LOCALES = ['en-US'] as const;
export const FALLBACK_LOCALE = 'en-US';

/** One i18next instance, created once at module load with bundled resources. */
const i18n = i18next.createInstance();
void i18n.init({
  resources: { 'en-US': { common, cues, points, routines, techniques } },
  lng: FALLBACK_LOCALE,
  fallbackLng: FALLBACK_LOCALE,
  ns: [...NAMESPACES],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
  // Locales are resolved before i18next sees them (resolveLocale): no 'en' / 'dev' lookups needed.
  load: 'currentOnly',
  supportedLngs: [...SUPPORTED_LOCALES],
});

/** The supported locale that serves a request's locale (e.g. en-GB → en-US until it has its own words). */
export function resolveLocale(requested: string | undefined): string {
  return SUPPORTED_LOCALES.find((l) => l === requested) ?? FALLBACK_LOCALE;
}

const voices = new Map<string, Voice>();

/** The voice (words, speaking rate, chime) for a request's locale. Cached per locale. */
export function voiceFor(requested: string | undefined): Voice {
  const locale = resolveLocale(requested);
  let voice = voices.get(locale);
  if (!voice) {
    const fixed = i18n.getFixedT(locale) as unknown as (key: string, options?: object) => string;
    const lng = locale;
    // Plain strings come straight from the resource store (i18next's getResource); anything with
    // parameters, plurals or a fallback goes through t(). This keeps the cold path short.
    const t: Translate = (key, params) => {
      if (!params) {
        const colon = key.indexOf(':');
        const value: unknown = i18n.getResource(lng, key.slice(0, colon), key.slice(colon + 1));
        if (typeof value === 'string') return value;
      }
      return fixed(key, params);
    };
    voice = { locale, t, rate: speechRateFor(locale), chime: CUE_CHIME };
    voices.set(locale, voice);
  }
  return voice;
}

/** Whether a key exists in a locale (used by tests). */
export function hasMessage(locale: string, key: string): boolean {
  return i18n.exists(key, { lng: locale, fallbackLng: false });
}
