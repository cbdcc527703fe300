/**
 * Which locales the skill serves and where each one's words come from: data in `locales/index.json`
 * (a locale's chain of resource sets, e.g. en-GB → en-GB, en). Shared by the voice (src/alexa/i18n.ts)
 * and the build, which packs the words into the bundle (tools/bundle-plugins.ts).
 */
import chains from '../../locales/index.json';

export const CHAINS = chains as Readonly<Record<string, readonly string[]>>;
export const SUPPORTED_LOCALES = Object.keys(CHAINS);
export const FALLBACK_LOCALE = 'en-US';

/** The supported locale that serves a request's locale; unknown ones get the fallback. */
export function resolveLocale(requested: string | undefined): string {
  return requested && Object.hasOwn(CHAINS, requested) ? requested : FALLBACK_LOCALE;
}

/** Every resource set some locale reads, each once (en, en-GB, …, de, es, fr). */
export const RESOURCE_SETS: readonly string[] = [...new Set(Object.values(CHAINS).flat())];
