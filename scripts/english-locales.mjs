#!/usr/bin/env node
/**
 * The English markets' words are the shared `locales/en` with a few spellings and words of their own,
 * written as i18next overrides (en-GB falls back to en): `node scripts/english-locales.mjs` writes
 * `locales/en-GB|en-AU|en-IN|en-CA/*.json` from these rules; `--check` exits 1 when they are out of date.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const NAMESPACES = ['common', 'cues', 'points', 'routines', 'techniques'];
const RUBBER = [['the eraser on a pencil', 'the rubber on the end of a pencil'], ['the eraser end of a pencil', 'the rubber end of a pencil']];
/** "Urgent care" is an American clinic; elsewhere the advice for a bad sprain is plain. */
const URGENT = [['get urgent care', 'get medical help straight away']];
/** Each market's replacements in the shared words, in order. */
const RULES = {
  // "toward" is American; British and Australian English say "towards" (content review, section D).
  'en-GB': [['center', 'centre'], ['counter-clockwise', 'anticlockwise'], ['toward ', 'towards '], ...RUBBER, ...URGENT],
  'en-AU': [['center', 'centre'], ['counter-clockwise', 'anticlockwise'], ['toward ', 'towards '], ...RUBBER, ...URGENT],
  'en-IN': [['center', 'centre'], ['counter-clockwise', 'anticlockwise'], ...URGENT],
  'en-CA': [['center', 'centre']],
};

/** The leaves whose words change under the rules, nested as in the source. */
function overrides(tree, rules) {
  const out = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'object') {
      const sub = overrides(value, rules);
      if (Object.keys(sub).length) out[key] = sub;
    } else {
      const changed = rules.reduce((text, [from, to]) => text.replaceAll(from, to), value);
      if (changed !== value) out[key] = changed;
    }
  }
  return out;
}

const check = process.argv.includes('--check');
let stale = false;
for (const [locale, rules] of Object.entries(RULES)) {
  for (const ns of NAMESPACES) {
    const words = overrides(JSON.parse(readFileSync(`locales/en/${ns}.json`, 'utf8')), rules);
    const path = `locales/${locale}/${ns}.json`;
    const want = Object.keys(words).length ? `${JSON.stringify(words, null, 2)}\n` : undefined;
    const have = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (want === have) continue;
    stale = true;
    if (check) continue;
    if (want) writeFileSync(path, want); else rmSync(path);
  }
}
if (check && stale) {
  console.error('English market words are out of date: run node scripts/english-locales.mjs');
  process.exit(1);
}
