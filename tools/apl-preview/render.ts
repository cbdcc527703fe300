/**
 * A small, strict APL-to-SVG preview. It knows exactly what our two documents use and
 * throws an UnsupportedError naming anything else, so a document change it cannot show
 * fails a test instead of rendering wrongly. It is a preview, not the device renderer:
 * text is measured with a fixed average glyph width, and flexbox is reduced to
 * column/row, fixed or percentage sizes, grow, spacing, alignItems/alignSelf and justifyContent.
 */
import { avgParameterNames, avgToSvg, FONT } from './avg.js';
import { childScope, evaluate, truthy, UnsupportedError, type Scope } from './expr.js';
import { emulatedProfileResources, type PreviewViewport } from './viewport.js';

export type { PreviewViewport } from './viewport.js';

export interface RenderOptions {
  document: object;
  datasources: object;
  viewport: PreviewViewport;
  /** Values for bound variables of the component with id "root", as SetValue would set them. */
  binds?: Record<string, unknown>;
}

export interface RenderReport {
  svg: string;
  /** Layout problems: a child running out of its parent, or (round screens) text outside the circle. */
  problems: string[];
}

type Props = Record<string, unknown>;
interface Comp {
  type: string;
  props: Props;
  children: Comp[];
  scope: Scope;
  box?: { x: number; y: number; w: number; h: number };
}

const COMMON = ['type', 'id', 'when', 'bind', 'width', 'height', 'maxWidth', 'paddingLeft', 'paddingRight', 'paddingTop', 'paddingBottom', 'grow', 'alignSelf', 'spacing', 'display', 'opacity', 'description', 'accessibilityLabel', 'role'];
const KEYS: Record<string, string[]> = {
  Container: [...COMMON, 'direction', 'alignItems', 'justifyContent', 'item', 'items', 'data'],
  Frame: [...COMMON, 'backgroundColor', 'borderRadius', 'borderWidth', 'borderColor', 'item', 'items'],
  Text: [...COMMON, 'text', 'fontSize', 'fontWeight', 'color', 'textAlign', 'textAlignVertical', 'maxLines', 'lineHeight'],
  VectorGraphic: [...COMMON, 'source', 'scale', 'align', 'parameters'],
  TouchWrapper: [...COMMON, 'item', 'items', 'onPress'],
};
const STRUCTURAL = new Set(['type', 'when', 'bind', 'item', 'items', 'data', 'onPress']);
const DOC_KEYS = new Set(['type', 'version', 'description', 'import', 'resources', 'graphics', 'mainTemplate', 'theme']);
const COMMANDS = new Set(['SendEvent']);

interface Ctx {
  graphics: Record<string, Record<string, unknown>>;
  binds: Record<string, unknown>;
  usedBinds: Set<string>;
  problems: string[];
  dpW: number;
  dpH: number;
  round: boolean;
}

function list(v: unknown): Props[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]) as Props[];
}

function checkCommands(cmds: unknown, where: string) {
  for (const c of list(cmds)) {
    if (!COMMANDS.has(String(c.type))) throw new UnsupportedError(`the command "${String(c.type)}" (in ${where})`);
    for (const k of Object.keys(c)) if (!['type', 'arguments', 'description'].includes(k)) throw new UnsupportedError(`the property "${k}" on SendEvent`);
  }
}

function applyBinds(tpl: Props, scope: Scope, ctx: Ctx): Scope {
  const binds = tpl.bind;
  if (binds === undefined) return scope;
  const s = childScope(scope);
  const isRoot = tpl.id === 'root';
  for (const b of list(binds)) {
    for (const k of Object.keys(b)) if (!['name', 'value', 'type'].includes(k)) throw new UnsupportedError(`the bind property "${k}"`);
    const name = String(b.name);
    let v = isRoot && name in ctx.binds ? ctx.binds[name] : evaluate(b.value, s);
    if (isRoot && name in ctx.binds) ctx.usedBinds.add(name);
    switch (b.type ?? 'any') {
      case 'number': v = Number(v); if (Number.isNaN(v)) throw new Error(`bind "${name}" is not a number`); break;
      case 'string': v = v === null || v === undefined ? '' : String(v); break;
      case 'boolean': v = truthy(v); break;
      case 'any': break;
      default: throw new UnsupportedError(`the bind type "${String(b.type)}"`);
    }
    s.names.set(name, v);
  }
  return s;
}

/** Inflate a template into components; `single` picks the first child whose `when` holds. */
function inflate(tpl: Props, scope: Scope, ctx: Ctx): Comp | null {
  if (tpl.when !== undefined && !truthy(evaluate(tpl.when, scope))) return null;
  const type = String(tpl.type);
  const keys = KEYS[type];
  if (!keys) throw new UnsupportedError(`the component type "${type}"`);
  const extra = type === 'VectorGraphic' ? graphicParams(tpl, ctx, scope) : [];
  for (const k of Object.keys(tpl)) if (!keys.includes(k) && !extra.includes(k)) throw new UnsupportedError(`the property "${k}" on ${type}`);
  const s = applyBinds(tpl, scope, ctx);
  checkDynamic(type, tpl, ctx);
  const props: Props = {};
  for (const [k, v] of Object.entries(tpl)) if (!STRUCTURAL.has(k)) props[k] = evaluate(v, s);
  props.type = type;
  if (tpl.onPress !== undefined) checkCommands(tpl.onPress, `${type}.onPress`);
  const comp: Comp = { type, props, children: [], scope: s };
  if (props.display === 'none') return null;
  const templates = list(tpl.items ?? tpl.item);
  const multi = type === 'Container';
  if (tpl.data !== undefined) {
    if (!multi) throw new UnsupportedError(`"data" on ${type}`);
    const data = evaluate(tpl.data, s);
    if (!Array.isArray(data)) throw new Error(`Container data must be an array, got ${JSON.stringify(data)}`);
    data.forEach((d, index) => {
      const ds = childScope(s, { data: d, index, length: data.length });
      for (const t of templates) { const c = inflate(t, ds, ctx); if (c) { comp.children.push(c); break; } }
    });
  } else if (multi) {
    for (const t of templates) { const c = inflate(t, s, ctx); if (c) comp.children.push(c); }
  } else {
    for (const t of templates) { const c = inflate(t, s, ctx); if (c) { comp.children.push(c); break; } }
  }
  return comp;
}

/**
 * On the device, SetValue on a bound variable only updates the dynamic properties that depend on it
 * (apl-set-value-command.html); width and height, for instance, are not dynamic. When binds are
 * overridden, a property that mentions one of them must be dynamic, or the preview would show a
 * change the device never makes.
 */
const DYNAMIC: Record<string, string[]> = {
  Container: ['opacity', 'display'], Frame: ['opacity', 'display', 'backgroundColor', 'borderColor'],
  Text: ['opacity', 'display', 'text', 'color'], VectorGraphic: ['opacity', 'display'], TouchWrapper: ['opacity', 'display'],
};
function checkDynamic(type: string, tpl: Props, ctx: Ctx) {
  const names = Object.keys(ctx.binds);
  if (!names.length) return;
  for (const [k, v] of Object.entries(tpl)) {
    if (STRUCTURAL.has(k) || typeof v !== 'string' || !v.includes('${')) continue;
    const hit = names.find((n) => new RegExp(`(^|[^.\\w])${n}\\b`).test(v));
    if (hit && !DYNAMIC[type]!.includes(k)) throw new UnsupportedError(`"${k}" on ${type} following the bound "${hit}": it is not a dynamic property, so SetValue would not change it on the device`);
  }
}

function graphicParams(tpl: Props, ctx: Ctx, scope: Scope): string[] {
  const src = evaluate(tpl.source, scope);
  const g = ctx.graphics[String(src)];
  if (!g) throw new UnsupportedError(`a VectorGraphic source that is not one of the document's graphics (${JSON.stringify(src)})`);
  return avgParameterNames(g).map((p) => p.name);
}

// ---- dimensions and text ----

function dim(v: unknown, ref: number | undefined, ctx: Ctx, what: string): number | undefined {
  if (v === undefined || v === 'auto') return undefined;
  if (typeof v === 'number') return v;
  const m = /^\s*(-?\d*\.?\d+)\s*(dp|px|vw|vh|%)?\s*$/.exec(String(v));
  if (!m) throw new UnsupportedError(`the dimension ${JSON.stringify(v)} (${what})`);
  const n = Number(m[1]);
  switch (m[2]) {
    case undefined: case 'dp': return n;
    case 'vw': return (n * ctx.dpW) / 100;
    case 'vh': return (n * ctx.dpH) / 100;
    case 'px': throw new UnsupportedError(`px dimensions (${what})`);
    case '%':
      if (ref === undefined) throw new UnsupportedError(`a percentage ${what} inside a parent without a definite size`);
      return (n * ref) / 100;
  }
  return undefined;
}

const pad = (c: Comp, ctx: Ctx) => {
  const p = (k: string) => dim(c.props[k], undefined, ctx, k) ?? 0;
  const b = c.type === 'Frame' ? (dim(c.props.borderWidth, undefined, ctx, 'borderWidth') ?? 0) : 0;
  return { l: p('paddingLeft') + b, r: p('paddingRight') + b, t: p('paddingTop') + b, b: p('paddingBottom') + b };
};

function fontSize(c: Comp, ctx: Ctx) { return dim(c.props.fontSize ?? 40, undefined, ctx, 'fontSize')!; }
function isBold(c: Comp) { const w = String(c.props.fontWeight ?? 'normal'); return w === 'bold' || Number(w) >= 600; }
function charW(c: Comp, ctx: Ctx) { return fontSize(c, ctx) * (isBold(c) ? 0.58 : 0.53); }
function lineH(c: Comp, ctx: Ctx) { return fontSize(c, ctx) * Number(c.props.lineHeight ?? 1.25); }

function wrap(c: Comp, maxW: number, ctx: Ctx): string[] {
  const text = String(c.props.text ?? '');
  const cw = charW(c, ctx);
  const maxChars = Math.max(1, Math.floor(maxW / cw + 1e-6));
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/[ \t]+/).filter(Boolean)) { // a no-break space keeps its neighbours together
      const next = line ? `${line} ${word}` : word;
      if (next.length <= maxChars || !line) line = next; else { lines.push(line); line = word; }
    }
    lines.push(line);
  }
  const maxLines = Number(c.props.maxLines ?? 0);
  if (maxLines > 0 && lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1]!;
    while (last.length + 1 > maxChars && last.length > 0) last = last.slice(0, -1);
    kept[maxLines - 1] = `${last.trimEnd()}…`;
    return kept;
  }
  return lines.map((l) => (l.length > maxChars ? `${l.slice(0, Math.max(1, maxChars - 1))}…` : l));
}

// ---- layout ----

type Size = { w: number; h: number };

function explicit(c: Comp, pw: number | undefined, ph: number | undefined, ctx: Ctx) {
  let w = dim(c.props.width, pw, ctx, 'width');
  const mw = dim(c.props.maxWidth, pw, ctx, 'maxWidth');
  if (w !== undefined && mw !== undefined) w = Math.min(w, mw);
  return { w, h: dim(c.props.height, ph, ctx, 'height'), maxW: mw };
}

function intrinsic(c: Comp, maxW: number, pw: number | undefined, ph: number | undefined, ctx: Ctx): Size {
  const e = explicit(c, pw, ph, ctx);
  const avail = Math.min(e.w ?? maxW, e.maxW ?? Infinity);
  const p = pad(c, ctx);
  let inner: Size;
  const innerW = avail - p.l - p.r;
  const cw = e.w !== undefined ? e.w - p.l - p.r : undefined;
  const chh = e.h !== undefined ? e.h - p.t - p.b : undefined;
  switch (c.type) {
    case 'Text': {
      const lines = wrap(c, innerW, ctx);
      inner = { w: Math.max(0, ...lines.map((l) => l.length * charW(c, ctx))), h: lines.length * lineH(c, ctx) };
      break;
    }
    case 'VectorGraphic': {
      const g = c.scope && (c.props.source !== undefined) ? ctx.graphics[String(c.props.source)]! : undefined;
      inner = { w: Number(g?.width ?? 0), h: Number(g?.height ?? 0) };
      break;
    }
    case 'Container': {
      const row = c.props.direction === 'row';
      const sizes = c.children.map((k) => intrinsic(k, innerW, cw, chh, ctx));
      const gaps = c.children.reduce((a, k, i) => a + (i ? (dim(k.props.spacing, undefined, ctx, 'spacing') ?? 0) : 0), 0);
      inner = row
        ? { w: sizes.reduce((a, s) => a + s.w, 0) + gaps, h: Math.max(0, ...sizes.map((s) => s.h)) }
        : { w: Math.max(0, ...sizes.map((s) => s.w)), h: sizes.reduce((a, s) => a + s.h, 0) + gaps };
      break;
    }
    default: {
      const k = c.children[0];
      inner = k ? intrinsic(k, innerW, cw, chh, ctx) : { w: 0, h: 0 };
    }
  }
  return { w: e.w ?? Math.min(avail, inner.w + p.l + p.r), h: e.h ?? inner.h + p.t + p.b };
}

function layout(c: Comp, x: number, y: number, w: number, h: number, ctx: Ctx) {
  c.box = { x, y, w, h };
  const p = pad(c, ctx);
  const cx = x + p.l; const cy = y + p.t; const cw = w - p.l - p.r; const ch = h - p.t - p.b;
  if (c.type !== 'Container') {
    const k = c.children[0];
    if (k) {
      const e = explicit(k, cw, ch, ctx);
      // A Frame or TouchWrapper lays its one child out like a column: top left, stretched across.
      const kw = e.w ?? cw; const kh = e.h ?? intrinsic(k, kw, cw, ch, ctx).h;
      layout(k, cx, cy, kw, kh, ctx);
      check(c, k, ctx);
    }
    return;
  }
  const row = c.props.direction === 'row';
  if (c.props.direction !== undefined && c.props.direction !== 'row' && c.props.direction !== 'column') throw new UnsupportedError(`direction "${String(c.props.direction)}"`);
  const mainSize = row ? cw : ch; const crossSize = row ? ch : cw;
  const items = c.children.map((k) => {
    const e = explicit(k, cw, ch, ctx);
    const align = String(k.props.alignSelf ?? c.props.alignItems ?? 'stretch');
    if (!['start', 'center', 'end', 'stretch'].includes(align)) throw new UnsupportedError(`alignItems/alignSelf "${align}"`);
    const grow = Number(k.props.grow ?? 0);
    let kw: number; let kh: number;
    if (row) {
      kw = e.w ?? (grow > 0 ? 0 : intrinsic(k, cw, cw, ch, ctx).w);
      kh = e.h ?? (align === 'stretch' ? ch : intrinsic(k, kw || cw, cw, ch, ctx).h);
    } else {
      kw = e.w ?? (align === 'stretch' ? cw : intrinsic(k, cw, cw, ch, ctx).w);
      kh = e.h ?? (grow > 0 ? 0 : intrinsic(k, kw, cw, ch, ctx).h);
    }
    return { k, kw, kh, grow, align, gap: dim(k.props.spacing, undefined, ctx, 'spacing') ?? 0 };
  });
  items.forEach((it, i) => { if (i === 0) it.gap = 0; });
  const used = items.reduce((a, it) => a + (row ? it.kw : it.kh) + it.gap, 0);
  let free = mainSize - used;
  const growSum = items.reduce((a, it) => a + it.grow, 0);
  if (growSum > 0 && free > 0) {
    for (const it of items) if (it.grow > 0) { if (row) it.kw += (free * it.grow) / growSum; else it.kh += (free * it.grow) / growSum; }
    free = 0;
  }
  const jc = String(c.props.justifyContent ?? 'start');
  let pos = 0; let between = 0;
  switch (jc) {
    case 'start': break;
    case 'center': pos = free / 2; break;
    case 'end': pos = free; break;
    case 'spaceBetween': between = items.length > 1 ? Math.max(0, free) / (items.length - 1) : 0; break;
    case 'spaceAround': between = Math.max(0, free) / items.length; pos = between / 2; break;
    default: throw new UnsupportedError(`justifyContent "${jc}"`);
  }
  for (const it of items) {
    pos += it.gap;
    const cross = row ? it.kh : it.kw;
    const off = it.align === 'center' ? (crossSize - cross) / 2 : it.align === 'end' ? crossSize - cross : 0;
    if (row) layout(it.k, cx + pos, cy + off, it.kw, it.kh, ctx); else layout(it.k, cx + off, cy + pos, it.kw, it.kh, ctx);
    pos += (row ? it.kw : it.kh) + between;
    check(c, it.k, ctx);
  }
}

function check(parent: Comp, k: Comp, ctx: Ctx) {
  const a = parent.box!; const b = k.box!; const t = 1;
  if (b.x < a.x - t || b.y < a.y - t || b.x + b.w > a.x + a.w + t || b.y + b.h > a.y + a.h + t) {
    ctx.problems.push(`${k.type}${k.props.id ? `#${String(k.props.id)}` : ''} (${fmt(b)}) runs out of its ${parent.type} (${fmt(a)})`);
  }
}
const fmt = (b: { x: number; y: number; w: number; h: number }) => `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.w)}×${Math.round(b.h)}`;

// ---- paint ----

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function insideCircle(x: number, y: number, ctx: Ctx) {
  const r = Math.min(ctx.dpW, ctx.dpH) / 2;
  return Math.hypot(x - ctx.dpW / 2, y - ctx.dpH / 2) <= r + 1;
}

function paint(c: Comp, ctx: Ctx): string {
  const b = c.box!;
  let out = '';
  const invisible = c.props.display === 'invisible';
  switch (c.type) {
    case 'Frame': {
      const bw = dim(c.props.borderWidth, undefined, ctx, 'borderWidth') ?? 0;
      const rx = dim(c.props.borderRadius, undefined, ctx, 'borderRadius') ?? 0;
      const fill = String(c.props.backgroundColor ?? 'none');
      const stroke = bw > 0 ? ` stroke="${esc(String(c.props.borderColor ?? 'none'))}" stroke-width="${bw}"` : '';
      out += `<rect x="${b.x + bw / 2}" y="${b.y + bw / 2}" width="${Math.max(0, b.w - bw)}" height="${Math.max(0, b.h - bw)}" rx="${Math.min(rx, b.h / 2, b.w / 2)}" fill="${esc(fill === 'transparent' ? 'none' : fill)}"${stroke}/>`;
      break;
    }
    case 'Text': {
      const p = pad(c, ctx);
      const iw = b.w - p.l - p.r;
      const lines = wrap(c, iw, ctx);
      const fs = fontSize(c, ctx); const lh = lineH(c, ctx);
      const ta = String(c.props.textAlign ?? 'auto');
      const tav = String(c.props.textAlignVertical ?? 'auto');
      if (!['auto', 'left', 'center', 'right'].includes(ta)) throw new UnsupportedError(`textAlign "${ta}"`);
      if (!['auto', 'top', 'center', 'bottom'].includes(tav)) throw new UnsupportedError(`textAlignVertical "${tav}"`);
      const ih = b.h - p.t - p.b; const th = lines.length * lh;
      const y0 = b.y + p.t + (tav === 'center' ? (ih - th) / 2 : tav === 'bottom' ? ih - th : 0);
      const anchor = ta === 'center' ? 'middle' : ta === 'right' ? 'end' : 'start';
      const x = ta === 'center' ? b.x + p.l + iw / 2 : ta === 'right' ? b.x + b.w - p.r : b.x + p.l;
      lines.forEach((l, i) => {
        const base = y0 + i * lh + lh / 2 + fs * 0.36;
        out += `<text x="${x}" y="${base}" font-family="${FONT}" font-size="${fs}" font-weight="${isBold(c) ? 'bold' : 'normal'}" fill="${esc(String(c.props.color ?? '#FAFAFA'))}" text-anchor="${anchor}">${esc(l)}</text>`;
        if (ctx.round && l.trim()) {
          const lw = l.length * charW(c, ctx);
          const left = anchor === 'middle' ? x - lw / 2 : anchor === 'end' ? x - lw : x;
          const top = y0 + i * lh; const bottom = top + lh;
          if (![[left, top], [left + lw, top], [left, bottom], [left + lw, bottom]].every(([px, py]) => insideCircle(px!, py!, ctx))) {
            ctx.problems.push(`text "${l}" leaves the round screen`);
          }
        }
        if (ih + 1 < th) ctx.problems.push(`text "${l}" is taller than its box`);
      });
      break;
    }
    case 'VectorGraphic': {
      const g = ctx.graphics[String(c.props.source)]!;
      const scale = String(c.props.scale ?? 'none');
      const align = String(c.props.align ?? 'center');
      if (align !== 'center') throw new UnsupportedError(`VectorGraphic align "${align}"`);
      if (scale !== 'best-fit' && scale !== 'none') throw new UnsupportedError(`VectorGraphic scale "${scale}"`);
      const vw = Number(g.viewportWidth ?? g.width); const vh = Number(g.viewportHeight ?? g.height);
      const params: Record<string, unknown> = {};
      // Parameters as the `parameters` map (current APL) or, the APL <= 1.5 form, as named properties.
      const map = (c.props.parameters ?? {}) as Record<string, unknown>;
      for (const p of avgParameterNames(g)) {
        if (p.name in map) params[p.name] = map[p.name];
        else if (p.name in c.props) params[p.name] = c.props[p.name];
      }
      const body = avgToSvg(g, params, c.scope);
      const [gw, gh] = scale === 'none' ? [Number(g.width), Number(g.height)] : [b.w, b.h];
      const gx = b.x + (b.w - gw) / 2; const gy = b.y + (b.h - gh) / 2;
      out += `<svg x="${gx}" y="${gy}" width="${gw}" height="${gh}" viewBox="0 0 ${vw} ${vh}" preserveAspectRatio="xMidYMid meet" overflow="hidden">${body}</svg>`;
      break;
    }
    default: break;
  }
  out += c.children.map((k) => paint(k, ctx)).join('');
  if (invisible) return '';
  if (c.props.opacity !== undefined && Number(c.props.opacity) !== 1) return `<g opacity="${Number(c.props.opacity)}">${out}</g>`;
  return out;
}

// ---- document ----

function loadResources(doc: Props, scope: Scope) {
  for (const block of list(doc.resources)) {
    for (const k of Object.keys(block)) {
      if (!['when', 'description', 'dimensions', 'colors', 'numbers', 'strings', 'booleans'].includes(k)) throw new UnsupportedError(`the resource block property "${k}"`);
    }
    if (block.when !== undefined && !truthy(evaluate(block.when, scope))) continue;
    for (const kind of ['dimensions', 'colors', 'numbers', 'strings', 'booleans']) {
      for (const [name, v] of Object.entries((block[kind] ?? {}) as Props)) scope.resources.set(name, evaluate(v, scope));
    }
  }
}

export function renderReport(opts: RenderOptions): RenderReport {
  const doc = opts.document as Props;
  if (doc.type !== 'APL') throw new Error(`document type must be "APL", got ${JSON.stringify(doc.type)}`);
  for (const k of Object.keys(doc)) if (!DOC_KEYS.has(k)) throw new UnsupportedError(`the document property "${k}"`);
  for (const imp of list(doc.import)) {
    if (imp.name !== 'alexa-viewport-profiles') throw new UnsupportedError(`importing the package "${String(imp.name)}" (only alexa-viewport-profiles is emulated)`);
  }
  const vp = opts.viewport;
  const dpi = vp.dpi ?? 160;
  const dpW = Math.round((vp.width * 160) / dpi); const dpH = Math.round((vp.height * 160) / dpi);
  const mode = vp.mode ?? (vp.width >= 1920 && dpi >= 320 ? 'tv' : 'hub');
  const viewport = { width: dpW, height: dpH, pixelWidth: vp.width, pixelHeight: vp.height, shape: vp.shape, dpi, theme: 'dark', mode };
  const resources = new Map<string, unknown>(list(doc.import).length ? Object.entries(emulatedProfileResources(vp)) : []);
  const root: Scope = { names: new Map<string, unknown>([['viewport', viewport]]), resources };
  loadResources(doc, root);
  const mt = doc.mainTemplate as Props | undefined;
  if (!mt) throw new Error('document has no mainTemplate');
  const params = (mt.parameters ?? []) as string[];
  if (params.length > 1) throw new Error('mainTemplate can have at most one parameter');
  // One parameter receives the whole datasources object (as apl-core-library's Directive does).
  const scope = childScope(root, params.length ? { [params[0]!]: opts.datasources } : {});
  const ctx: Ctx = { graphics: (doc.graphics ?? {}) as Ctx['graphics'], binds: opts.binds ?? {}, usedBinds: new Set(), problems: [], dpW, dpH, round: vp.shape === 'round' };
  let top: Comp | null = null;
  for (const t of list(mt.items ?? mt.item)) { top = inflate(t, scope, ctx); if (top) break; }
  for (const name of Object.keys(ctx.binds)) if (!ctx.usedBinds.has(name)) throw new Error(`no bound variable "${name}" on the component with id "root"`);
  let body = '';
  if (top) {
    const e = explicit(top, dpW, dpH, ctx);
    layout(top, 0, 0, e.w ?? dpW, e.h ?? dpH, ctx);
    body = paint(top, ctx);
  }
  const clip = vp.shape === 'round'
    ? `<defs><clipPath id="screen"><circle cx="${dpW / 2}" cy="${dpH / 2}" r="${Math.min(dpW, dpH) / 2}"/></clipPath></defs>`
    : `<defs><clipPath id="screen"><rect width="${dpW}" height="${dpH}"/></clipPath></defs>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${vp.width}" height="${vp.height}" viewBox="0 0 ${dpW} ${dpH}">${clip}<rect width="${dpW}" height="${dpH}" fill="#000"/><g clip-path="url(#screen)">${body}</g></svg>`;
  return { svg, problems: ctx.problems };
}

export function renderToSvg(opts: RenderOptions): string {
  return renderReport(opts).svg;
}
