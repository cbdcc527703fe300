import { POINTS } from './points.js';
import { POINT_IDS, type PointId } from './types.js';

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
  const words = input.toLowerCase().replace(/[^a-z0-9\s-]/g, ' ').replace(/-/g, ' ').split(/\s+/).filter((w) => w && !FILLER.has(w));
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

let cachedTerms: ReadonlyArray<readonly [PointId, string]> | undefined;
/** Normalised names of every point; built on first use, not at load (most requests never need them). */
function terms(): ReadonlyArray<readonly [PointId, string]> {
  cachedTerms ??= POINT_IDS.flatMap((id) => {
    const p = POINTS[id];
    return [...p.codes, p.pinyin, ...p.matchTerms].map((t) => [id, normalise(t)] as const);
  });
  return cachedTerms;
}

/**
 * The point a phrase names exactly (by code, pinyin or English name), if any.
 * @example findPoint('calm sleep') // 'BL62'
 */
export function findPoint(input: string): PointId | undefined {
  const n = normalise(input);
  if (!n) return undefined;
  const hits = new Set(terms().filter(([, t]) => t === n || t.replace(/\s/g, '') === n.replace(/\s/g, '')).map(([id]) => id));
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

/**
 * Known points that sound close to a phrase the skill did not recognise, best first.
 * Returns [] when nothing is reasonably close.
 * @example suggestPoints('calm sleeping') // ['BL62']
 */
export function suggestPoints(input: string, limit = 2): PointId[] {
  const n = normalise(input).replace(/\s/g, '');
  if (n.length < 2) return [];
  const best = new Map<PointId, number>();
  for (const [id, term] of terms()) {
    const t = term.replace(/\s/g, '');
    const score = distance(n, t) / Math.max(n.length, t.length);
    if (score <= 0.4 && score < (best.get(id) ?? Infinity)) best.set(id, score);
  }
  return [...best.entries()].sort((a, b) => a[1] - b[1]).slice(0, limit).map(([id]) => id);
}
