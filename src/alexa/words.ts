/**
 * The words of one resource set (`locales/<set>/<namespace>.json`), all its namespaces, parsed.
 *
 * This file is what runs from source (tests, the simulator): it reads the repository. The Lambda bundle
 * never contains it: the build replaces this module with one that holds every set's words inside the one
 * bundle file and parses a set on its first use (tools/bundle-plugins.ts), so nothing is read from disk
 * at run time. Both answer the same (tests/artifact/bundle.test.ts asks the bundle in every locale).
 */
import { existsSync, readFileSync } from 'node:fs';
import { NAMESPACES, type Namespace } from '../core/messages.js';

export type Words = Partial<Record<Namespace, object>>;

/** A set's words, or undefined for a set that has none. A set may leave namespaces out (en-GB overrides a few words). */
export function wordsOf(set: string): Words | undefined {
  const dir = new URL(`../../locales/${set}/`, import.meta.url);
  if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(set) || !existsSync(dir)) return undefined;
  const words: Words = {};
  for (const ns of NAMESPACES) {
    const file = new URL(`${ns}.json`, dir);
    if (existsSync(file)) words[ns] = JSON.parse(readFileSync(file, 'utf8')) as object;
  }
  return words;
}
