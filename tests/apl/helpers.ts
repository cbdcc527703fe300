import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DISPLAY = join(import.meta.dirname, '..', '..', 'skill-package', 'response', 'display');
export const NAMES = ['routine', 'point'] as const;

export type J = Record<string, unknown>;

export function loadDoc(name: string): J {
  return JSON.parse(readFileSync(join(DISPLAY, name, 'document.json'), 'utf8')) as J;
}

/** Every object nested anywhere in a JSON value. */
export function* objects(v: unknown): Generator<J> {
  if (Array.isArray(v)) for (const x of v) yield* objects(x);
  else if (v && typeof v === 'object') {
    yield v as J;
    for (const x of Object.values(v)) yield* objects(x);
  }
}

/** The points of a foot-map graphic: group description = point id, transform = translate(x y). */
export function pointsOf(graphic: J): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const o of objects(graphic)) {
    if (o.type !== 'group' || typeof o.description !== 'string') continue;
    const m = /^translate\((-?[\d.]+) (-?[\d.]+)\)$/.exec(String(o.transform));
    if (!m) throw new Error(`point ${o.description} has no plain translate transform`);
    out.set(o.description, [Number(m[1]), Number(m[2])]);
  }
  return out;
}

/** The drawing inside the mirror group: first path = outline, then the bumps (filled, closed). */
export function layersOf(graphic: J): { outline: string; bumps: string[] } {
  const items = (((graphic.items as J[])[0]!).items as J[]);
  const paths = items.filter((i) => i.type === 'path');
  return {
    outline: String(paths[0]!.pathData),
    bumps: paths.slice(1).filter((p) => p.fill !== undefined).map((p) => String(p.pathData)),
  };
}
