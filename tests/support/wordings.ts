/**
 * A cue has several wordings (locales/<set>/cues.json: `{ "0": …, "1": … }`, rotated by src/core/variants.ts):
 * tests that look for a cue in what the skill said look for any of them.
 */
type Cue = string | Readonly<Record<string, string>>;

/** Every wording of a cue (a plain string is its only wording). */
export const wordings = (cue: Cue): string[] => (typeof cue === 'string' ? [cue] : Object.values(cue));

/** Whether the text says the cue in any of its wordings. */
export const saysAny = (text: string, cue: Cue): boolean => wordings(cue).some((w) => text.includes(w));

/** How many times the text says the cue, in any of its wordings. */
export const countAny = (text: string, cue: Cue): number => wordings(cue).reduce((n, w) => n + text.split(w).length - 1, 0);

/** A regular-expression alternation of the cue's wordings, escaped, for use inside `(…)`. */
export const anyOf = (cue: Cue): string => wordings(cue).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
