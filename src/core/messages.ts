/**
 * Typed message keys, derived from the shared English locale files (type-only imports: no words enter the code).
 * The core asks for words through a {@link Translate} function that the adapter layer supplies.
 */
import type common from '../../locales/en/common.json';
import type cues from '../../locales/en/cues.json';
import type points from '../../locales/en/points.json';
import type routines from '../../locales/en/routines.json';
import type techniques from '../../locales/en/techniques.json';

type StripPlural<K extends string> = K extends `${infer B}_one` | `${infer B}_other` ? B : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${StripPlural<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export interface Resources {
  common: typeof common;
  cues: typeof cues;
  points: typeof points;
  routines: typeof routines;
  techniques: typeof techniques;
}

export const NAMESPACES = ['common', 'cues', 'points', 'routines', 'techniques'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export type MessageKey = { [N in Namespace]: `${N}:${Leaves<Resources[N]>}` }[Namespace];

export type MessageParams = Readonly<Record<string, string | number>>;

/** Looks up a message for the request's locale. Returns plain text (no markup). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;
