import type { Translate } from '../messages.js';
import { POINTS } from './points.js';
import { POINT_IDS, type PointId } from './types.js';

/** What the search needs of a locale: its words (each point's `terms`) and a name for the cache. */
export interface SearchVoice { readonly locale: string; readonly t: Translate }

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const FILLER = new Set(['the', 'point', 'points', 'acupressure', 'a', 'an', 'called', 'named']);
/** Spoken letters of code prefixes, as speech recognition writes them. */
const LETTERS: Readonly<Record<string, string>> = { kay: 'k', bee: 'b', gee: 'g', el: 'l', vee: 'v', are: 'r', eye: 'i', em: 'm', ell: 'l' };

/**
 * Normalises what a user said: lower case, no punctuation or filler words, spoken numbers as digits,
 * spelled-out code letters joined ("k. i. six" → "ki6", "g b forty one" → "gb41").
 * @example normalise('The K.I. Six point') // 'ki6'
 */
export function normalise(input: string): string {
  // Letters with accents fold to their base letter (ä → a, é → e, ñ → n), ß to ss, so every locale's names meet.
  const folded = input.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const words = folded.replace(/[^a-z0-9\s-]/g, ' ').replace(/-/g, ' ').split(/\s+/).filter((w) => w && !FILLER.has(w));
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] as string;
    if (w in TENS) {
      const unit = words[i + 1];
      if (unit !== undefined && unit in UNITS && (UNITS[unit] as number) < 10) { out.push(String((TENS[w] as number) + (UNITS[unit] as number))); i += 1; }
      else out.push(String(TENS[w]));
    } else if (w in UNITS) out.push(String(UNITS[w]));
    else out.push(LETTERS[w] ?? w);
  }
  // Join runs of single letters with a following number: "k i 6" → "ki6".
  return out.join(' ').replace(/\b([a-z])\s(?=[a-z]\b)/g, '$1').replace(/\b([a-z]{1,3})\s(\d+)\b/g, '$1$2').trim();
}

/** A point's name or code: without spaces for spelling, and as a sound key. */
interface Term { readonly id: PointId; readonly flat: string; readonly sound: string }
const cachedTerms = new Map<string, readonly Term[]>();
/** Normalised names of every point in a locale (codes, pinyin, the locale's terms); built on first use, per locale. */
function terms(voice: SearchVoice): readonly Term[] {
  let list = cachedTerms.get(voice.locale);
  if (!list) {
    list = POINT_IDS.flatMap((id) => {
      const p = POINTS[id];
      const local = voice.t(`points:${id}.terms`).split('|').filter(Boolean);
      return [...p.codes, p.pinyin, ...p.matchTerms, ...local].map((t) => {
        const text = normalise(t);
        return { id, flat: text.replace(/\s/g, ''), sound: soundKey(text) };
      });
    });
    cachedTerms.set(voice.locale, list);
  }
  return list;
}

/**
 * A rough key for how a normalised phrase sounds, so pinyin and its English spellings meet:
 * pinyin initials as English says them (zh → j, q → ch, x → sh), c as k, silent gh and an h after a
 * vowel dropped, every run of vowels (w and y included) one '*', doubled letters single.
 * @example soundKey('qiuxu') === soundKey('chew shoe') // both 'C*S*'
 */
function soundKey(normalised: string): string {
  return normalised.replace(/\s/g, '')
    .replace(/gh/g, '').replace(/zh/g, 'j').replace(/q/g, 'ch').replace(/x/g, 'sh').replace(/ph/g, 'f')
    .replace(/ch/g, 'C').replace(/sh/g, 'S').replace(/c/g, 'k')
    .replace(/([aeiouwy])h(?![aeiouwy])/g, '$1')
    .replace(/[aeiouwy]+/g, '*')
    .replace(/([a-zCS])\1+/g, '$1');
}

/**
 * The point a phrase names exactly (by code, pinyin or English name), if any.
 * @example findPoint('calm sleep', voice) // 'BL62'
 */
export function findPoint(input: string, voice: SearchVoice): PointId | undefined {
  const flat = normalise(input).replace(/\s/g, '');
  if (!flat) return undefined;
  const hits = new Set(terms(voice).filter((t) => t.flat === flat).map((t) => t.id));
  return hits.size === 1 ? [...hits][0] : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const keep = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length] as number;
}

/** Spelling: edits over the length of the longer phrase, at most this share ... */
const MAX_SPELLING_SHARE = 0.4;
/** ... but at most one edit between short words ("hello" is not "heel"). */
const SHORT_WORD = 5;
/** Sound: the same share over sound keys, stricter, as keys are short ("C*S*"). */
const MAX_SOUND_SHARE = 0.2;

const digitsOf = (s: string) => s.replace(/\D/g, '');
/** A chart code as written: one to three letters and a number ("li4", "ki4", "gb40"). */
const CODE = /^([a-z]{1,3})(\d+)$/;

function spellingScore(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  const edits = distance(a, b);
  return edits <= (longer <= SHORT_WORD ? 1 : MAX_SPELLING_SHARE * longer) ? edits / longer : Infinity;
}

function soundScore(a: string, b: string): number {
  const share = distance(a, b) / Math.max(a.length, b.length);
  return share <= MAX_SOUND_SHARE ? share : Infinity;
}

/**
 * Known points that are spelled or sound close to a phrase the skill did not recognise, best first.
 * A code with another number ("K.I. 3") is not close to any of ours. Returns [] when nothing is
 * reasonably close, or when more points than `limit` are equally close ("kidney").
 * @example suggestPoints('calm sleeping', voice) // ['BL62']
 * @example suggestPoints('qiu shoo', voice) // ['GB40']
 */
export function suggestPoints(input: string, voice: SearchVoice, limit = 2): PointId[] {
  const text = normalise(input);
  const flat = text.replace(/\s/g, '');
  if (flat.length < 2) return [];
  const sound = soundKey(text);
  const digits = digitsOf(flat);
  const best = new Map<PointId, number>();
  const code = CODE.exec(flat);
  for (const t of terms(voice)) {
    const termDigits = digitsOf(t.flat);
    if (digits && termDigits && digits !== termDigits) continue;
    // A code that only shares its number with ours is another channel's point (LI4 is not KI4).
    const termCode = CODE.exec(t.flat);
    if (code && termCode && code[1] !== termCode[1]) continue;
    const score = Math.min(spellingScore(flat, t.flat), soundScore(sound, t.sound));
    if (score < (best.get(t.id) ?? Infinity)) best.set(t.id, score);
  }
  const ranked = [...best.entries()].sort((a, b) => a[1] - b[1]);
  const top = ranked[0]?.[1];
  if (top === undefined || ranked.filter(([, score]) => score === top).length > limit) return [];
  return ranked.slice(0, limit).map(([id]) => id);
}
