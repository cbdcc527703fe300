/**
 * AVG (Alexa Vector Graphics) to SVG, for the items our foot maps use: `path`
 * (pathData, fill, fillOpacity, stroke, strokeOpacity, strokeWidth), `group`
 * (transform, opacity, items) and `text`, plus AVG `parameters`.
 * Format: https://developer.amazon.com/en-US/docs/alexa/alexa-presentation-language/apl-avg-format.html
 * Also path flattening and point-in-polygon, for the tests that check where points sit.
 */
import { childScope, evaluate, UnsupportedError, type Scope } from './expr.js';

export type Pt = [number, number];
export type Matrix = [number, number, number, number, number, number]; // a b c d e f

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function apply(m: Matrix, p: Pt): Pt {
  return [m[0] * p[0] + m[2] * p[1] + m[4], m[1] * p[0] + m[3] * p[1] + m[5]];
}

/** Parse an AVG/SVG transform list; supports translate, scale and rotate. */
export function parseTransform(s: string): Matrix {
  let m = IDENTITY;
  const re = /([a-zA-Z]+)\s*\(([^)]*)\)/g;
  let rest = s;
  for (let r = re.exec(s); r; r = re.exec(s)) {
    rest = rest.replace(r[0], '');
    const a = r[2]!.split(/[\s,]+/).filter(Boolean).map(Number);
    let t: Matrix;
    switch (r[1]) {
      case 'translate': t = [1, 0, 0, 1, a[0] ?? 0, a[1] ?? 0]; break;
      case 'scale': t = [a[0] ?? 1, 0, 0, a[1] ?? a[0] ?? 1, 0, 0]; break;
      case 'rotate': {
        const rad = ((a[0] ?? 0) * Math.PI) / 180; const c = Math.cos(rad); const sn = Math.sin(rad);
        t = [c, sn, -sn, c, 0, 0];
        if (a.length === 3) t = multiply(multiply([1, 0, 0, 1, a[1]!, a[2]!], t), [1, 0, 0, 1, -a[1]!, -a[2]!]);
        break;
      }
      default: throw new UnsupportedError(`the AVG transform "${r[1]}"`);
    }
    if (a.some((x) => Number.isNaN(x))) throw new Error(`bad transform "${s}"`);
    m = multiply(m, t);
  }
  if (rest.trim() !== '') throw new Error(`bad transform "${s}"`);
  return m;
}

/** Flatten path data into polylines (one per subpath). Supports M L H V C Q Z, absolute and relative. */
export function flattenPath(d: string, steps = 16): Pt[][] {
  const toks = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const out: Pt[][] = [];
  let cur: Pt[] = [];
  let x = 0; let y = 0; let sx = 0; let sy = 0; let cmd = '';
  let i = 0;
  const n = () => { const v = Number(toks[i++]); if (Number.isNaN(v)) throw new Error(`bad number in path "${d}"`); return v; };
  const isNum = () => i < toks.length && !/^[a-zA-Z]$/.test(toks[i]!);
  while (i < toks.length) {
    if (/^[a-zA-Z]$/.test(toks[i]!)) cmd = toks[i++]!;
    const rel = cmd === cmd.toLowerCase();
    const ox = rel ? x : 0; const oy = rel ? y : 0;
    switch (cmd.toUpperCase()) {
      case 'M':
        if (cur.length) out.push(cur);
        x = ox + n(); y = oy + n(); sx = x; sy = y; cur = [[x, y]];
        cmd = rel ? 'l' : 'L';
        break;
      case 'L': x = ox + n(); y = oy + n(); cur.push([x, y]); break;
      case 'H': x = ox + n(); cur.push([x, y]); break;
      case 'V': y = oy + n(); cur.push([x, y]); break;
      case 'C': {
        const x1 = ox + n(); const y1 = oy + n(); const x2 = ox + n(); const y2 = oy + n(); const x3 = ox + n(); const y3 = oy + n();
        for (let s = 1; s <= steps; s++) {
          const t = s / steps; const u = 1 - t;
          cur.push([u * u * u * x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3, u * u * u * y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3]);
        }
        x = x3; y = y3; break;
      }
      case 'Q': {
        const x1 = ox + n(); const y1 = oy + n(); const x2 = ox + n(); const y2 = oy + n();
        for (let s = 1; s <= steps; s++) {
          const t = s / steps; const u = 1 - t;
          cur.push([u * u * x + 2 * u * t * x1 + t * t * x2, u * u * y + 2 * u * t * y1 + t * t * y2]);
        }
        x = x2; y = y2; break;
      }
      case 'Z': x = sx; y = sy; cur.push([x, y]); out.push(cur); cur = []; cmd = ''; continue;
      default: throw new UnsupportedError(`the path command "${cmd}" when flattening`);
    }
    if (!isNum() && i < toks.length && !/^[a-zA-Z]$/.test(toks[i]!)) throw new Error(`bad path "${d}"`);
  }
  if (cur.length) out.push(cur);
  return out;
}

export function pointInPolygon(p: Pt, poly: Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!; const [xj, yj] = poly[j]!;
    if ((yi > p[1]) !== (yj > p[1]) && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const numAttr = (v: unknown, what: string): number => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  throw new Error(`${what} must be a number, got ${JSON.stringify(v)}`);
};

const PATH_KEYS = new Set(['type', 'pathData', 'fill', 'fillOpacity', 'stroke', 'strokeOpacity', 'strokeWidth', 'strokeLineCap', 'strokeLineJoin', 'description']);
const GROUP_KEYS = new Set(['type', 'items', 'item', 'transform', 'opacity', 'description']);
const TEXT_KEYS = new Set(['type', 'text', 'x', 'y', 'fontSize', 'fontWeight', 'fill', 'fillOpacity', 'textAnchor', 'description']);
const AVG_KEYS = new Set(['type', 'version', 'width', 'height', 'viewportWidth', 'viewportHeight', 'parameters', 'items', 'item', 'description']);

function checkKeys(o: Record<string, unknown>, allowed: Set<string>, what: string) {
  for (const k of Object.keys(o)) if (!allowed.has(k)) throw new UnsupportedError(`the property "${k}" on an AVG ${what}`);
}

function color(v: unknown): string {
  if (v === undefined || v === null || v === '' || v === 'transparent') return 'none';
  if (typeof v !== 'string') throw new Error(`colour must be a string, got ${JSON.stringify(v)}`);
  return v;
}

function itemsOf(o: Record<string, unknown>): Record<string, unknown>[] {
  const it = o.items ?? o.item ?? [];
  return (Array.isArray(it) ? it : [it]) as Record<string, unknown>[];
}

export type AvgGraphic = Record<string, unknown> & { width: number; height: number };

export function avgParameterNames(g: Record<string, unknown>): Array<{ name: string; default: unknown }> {
  const ps = (g.parameters ?? []) as Array<string | { name: string; default?: unknown }>;
  return ps.map((p) => (typeof p === 'string' ? { name: p, default: null } : { name: p.name, default: p.default ?? null }));
}

/** Render an AVG object to SVG markup in its own viewport coordinates. */
export function avgToSvg(g: Record<string, unknown>, params: Record<string, unknown>, base: Scope): string {
  checkKeys(g, AVG_KEYS, 'graphic');
  if (g.type !== 'AVG') throw new Error(`graphic type must be "AVG", got ${JSON.stringify(g.type)}`);
  const names: Record<string, unknown> = {};
  for (const p of avgParameterNames(g)) names[p.name] = p.name in params ? params[p.name] : p.default;
  // An AVG sees its parameters and the viewport, not the document's names.
  const scope = childScope({ names: new Map([['viewport', base.names.get('viewport') ?? lookupViewport(base)]]), resources: base.resources }, names);
  const walk = (item: Record<string, unknown>): string => {
    const t = item.type;
    if (t === 'path') {
      checkKeys(item, PATH_KEYS, 'path');
      const e = evaluate(Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'type')), scope) as Record<string, unknown>;
      const attrs = [`d="${esc(String(e.pathData ?? ''))}"`, `fill="${esc(color(e.fill))}"`];
      if (e.fillOpacity !== undefined) attrs.push(`fill-opacity="${numAttr(e.fillOpacity, 'fillOpacity')}"`);
      if (e.stroke !== undefined) attrs.push(`stroke="${esc(color(e.stroke))}"`);
      if (e.strokeOpacity !== undefined) attrs.push(`stroke-opacity="${numAttr(e.strokeOpacity, 'strokeOpacity')}"`);
      if (e.strokeWidth !== undefined) attrs.push(`stroke-width="${numAttr(e.strokeWidth, 'strokeWidth')}"`);
      if (e.strokeLineCap !== undefined) attrs.push(`stroke-linecap="${esc(String(e.strokeLineCap))}"`);
      if (e.strokeLineJoin !== undefined) attrs.push(`stroke-linejoin="${esc(String(e.strokeLineJoin))}"`);
      return `<path ${attrs.join(' ')}/>`;
    }
    if (t === 'group') {
      checkKeys(item, GROUP_KEYS, 'group');
      const tr = evaluate(item.transform ?? '', scope);
      const op = item.opacity === undefined ? undefined : numAttr(evaluate(item.opacity, scope), 'opacity');
      const m = parseTransform(String(tr ?? ''));
      const attrs = [`transform="matrix(${m.join(' ')})"`];
      if (op !== undefined) attrs.push(`opacity="${op}"`);
      return `<g ${attrs.join(' ')}>${itemsOf(item).map(walk).join('')}</g>`;
    }
    if (t === 'text') {
      checkKeys(item, TEXT_KEYS, 'text');
      const e = evaluate(Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'type')), scope) as Record<string, unknown>;
      const anchor = { start: 'start', middle: 'middle', end: 'end' }[String(e.textAnchor ?? 'start')];
      if (!anchor) throw new UnsupportedError(`textAnchor "${String(e.textAnchor)}"`);
      return `<text x="${numAttr(e.x ?? 0, 'x')}" y="${numAttr(e.y ?? 0, 'y')}" font-size="${numAttr(e.fontSize ?? 40, 'fontSize')}" font-weight="${esc(String(e.fontWeight ?? 'normal'))}" fill="${esc(color(e.fill ?? 'black'))}" text-anchor="${anchor}" font-family="${FONT}">${esc(String(e.text ?? ''))}</text>`;
    }
    throw new UnsupportedError(`the AVG item type "${String(t)}"`);
  };
  return itemsOf(g).map(walk).join('');
}

function lookupViewport(s: Scope): unknown {
  for (let c: Scope | undefined = s; c; c = c.parent) if (c.names.has('viewport')) return c.names.get('viewport');
  return null;
}

export const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
