/**
 * The subset of APL data-binding expressions our documents use:
 * literals, names, `@resource` look-ups, property and index access, `+ - * / %`,
 * comparisons, `!`, `&&`, `||`, `? :`, and a few `Math.*` functions.
 * Anything else throws an error that names the construct, so a document change the
 * preview cannot follow fails loudly instead of rendering wrongly.
 * Syntax: https://developer.amazon.com/en-US/docs/alexa/alexa-presentation-language/apl-data-binding-syntax.html
 */

export type Scope = {
  /** Data-binding names (parameters, binds, `data`, `index`, `viewport`, ...). */
  names: Map<string, unknown>;
  /** Resources by name, without the `@`. */
  resources: Map<string, unknown>;
  parent?: Scope;
};

export class UnsupportedError extends Error {
  constructor(feature: string) {
    super(`apl-preview does not support ${feature}`);
    this.name = 'UnsupportedError';
  }
}

export function childScope(parent: Scope, names: Record<string, unknown> = {}): Scope {
  return { names: new Map(Object.entries(names)), resources: parent.resources, parent };
}

function lookup(scope: Scope, name: string): { found: boolean; value: unknown } {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    if (s.names.has(name)) return { found: true, value: s.names.get(name) };
  }
  return { found: false, value: undefined };
}

type Tok = { t: 'num' | 'str' | 'name' | 'res' | 'op'; v: string };

const OPS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '??', '<', '>', '+', '-', '*', '/', '%', '!', '?', ':', '.', '[', ']', '(', ')', ','];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?/.exec(src.slice(i))!;
      out.push({ t: 'num', v: m[0] }); i += m[0].length; continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1; let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') { s += src[j + 1] ?? ''; j += 2; } else { s += src[j]; j++; }
      }
      if (j >= src.length) throw new Error(`unterminated string in expression "${src}"`);
      if (s.includes('${')) throw new UnsupportedError(`nested \${} inside a string literal ("${src}")`);
      out.push({ t: 'str', v: s }); i = j + 1; continue;
    }
    if (c === '@') {
      const m = /^@([A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
      if (!m) throw new Error(`bad resource reference in "${src}"`);
      out.push({ t: 'res', v: m[1]! }); i += m[0].length; continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      out.push({ t: 'name', v: m[0] }); i += m[0].length; continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new UnsupportedError(`the character "${c}" in expression "${src}"`);
    if (op === '===' || op === '!==') throw new UnsupportedError(`the operator ${op} (APL has == and !=) in "${src}"`);
    if (op === '??') throw new UnsupportedError(`the operator ?? in "${src}"`);
    out.push({ t: 'op', v: op }); i += op.length;
  }
  return out;
}

type Node =
  | { k: 'lit'; v: unknown }
  | { k: 'name'; v: string }
  | { k: 'res'; v: string }
  | { k: 'member'; obj: Node; prop: Node }
  | { k: 'call'; fn: string; args: Node[] }
  | { k: 'unary'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  | { k: 'cond'; c: Node; a: Node; b: Node };

const BIN: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
const MATH: Record<string, (...a: number[]) => number> = {
  floor: Math.floor, ceil: Math.ceil, round: Math.round, abs: Math.abs, min: Math.min, max: Math.max,
};

function parse(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = (v?: string) => (toks[p] && (v === undefined || (toks[p]!.t === 'op' && toks[p]!.v === v)) ? toks[p] : undefined);
  const expect = (v: string) => { if (!peek(v)) throw new Error(`expected "${v}" in expression "${src}"`); p++; };

  function primary(): Node {
    const t = toks[p++];
    if (!t) throw new Error(`unexpected end of expression "${src}"`);
    if (t.t === 'num') return { k: 'lit', v: Number(t.v) };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 'res') return { k: 'res', v: t.v };
    if (t.t === 'name') {
      if (t.v === 'true' || t.v === 'false') return { k: 'lit', v: t.v === 'true' };
      if (t.v === 'null') return { k: 'lit', v: null };
      if (t.v === 'Math') {
        expect('.');
        const fn = toks[p++];
        if (!fn || fn.t !== 'name' || !MATH[fn.v]) throw new UnsupportedError(`the function Math.${fn?.v ?? '?'} in "${src}"`);
        expect('(');
        const args: Node[] = [];
        if (!peek(')')) { do { args.push(expr(0)); } while (peek(',') && ++p); }
        expect(')');
        return { k: 'call', fn: fn.v, args };
      }
      if (peek('(')) throw new UnsupportedError(`the function ${t.v}() in "${src}"`);
      return { k: 'name', v: t.v };
    }
    if (t.v === '(') { const e = expr(0); expect(')'); return e; }
    if (t.v === '!' || t.v === '-' || t.v === '+') return { k: 'unary', op: t.v, a: postfix(primary()) };
    if (t.v === '[' || t.v === '{') throw new UnsupportedError(`array or map literals in "${src}"`);
    throw new Error(`unexpected "${t.v}" in expression "${src}"`);
  }
  function postfix(n: Node): Node {
    for (;;) {
      if (peek('.')) {
        p++;
        const t = toks[p++];
        if (!t || t.t !== 'name') throw new Error(`expected a property name after "." in "${src}"`);
        if (peek('(')) throw new UnsupportedError(`the method ${t.v}() in "${src}"`);
        n = { k: 'member', obj: n, prop: { k: 'lit', v: t.v } };
      } else if (peek('[')) {
        p++; const e = expr(0); expect(']');
        n = { k: 'member', obj: n, prop: e };
      } else if (peek('(')) {
        throw new UnsupportedError(`calling a value as a function in "${src}"`);
      } else return n;
    }
  }
  function expr(minPrec: number): Node {
    let left = postfix(primary());
    for (;;) {
      const t = toks[p];
      if (!t || t.t !== 'op') break;
      if (t.v === '?' && minPrec === 0) {
        p++; const a = expr(0); expect(':'); const b = expr(0);
        left = { k: 'cond', c: left, a, b }; continue;
      }
      const prec = BIN[t.v];
      if (prec === undefined || prec < minPrec) break;
      p++;
      const right = expr(prec + 1);
      left = { k: 'bin', op: t.v, a: left, b: right };
    }
    return left;
  }
  const n = expr(0);
  if (p !== toks.length) throw new Error(`unexpected "${toks[p]!.v}" in expression "${src}"`);
  return n;
}

export function truthy(v: unknown): boolean {
  return !(v === null || v === undefined || v === false || v === 0 || v === '' || Number.isNaN(v));
}

function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  if (typeof v === 'object') throw new UnsupportedError('turning an array or map into text');
  return String(v);
}

function num(v: unknown, src: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  throw new UnsupportedError(`arithmetic on the non-number ${JSON.stringify(v)} in "${src}"`);
}

const cache = new Map<string, Node>();

function evalNode(n: Node, scope: Scope, src: string): unknown {
  switch (n.k) {
    case 'lit': return n.v;
    case 'name': {
      const r = lookup(scope, n.v);
      if (!r.found) throw new Error(`unknown name "${n.v}" in expression "${src}"`);
      return r.value === undefined ? null : r.value;
    }
    case 'res': {
      if (!scope.resources.has(n.v)) throw new Error(`unknown resource "@${n.v}" in expression "${src}"`);
      return scope.resources.get(n.v);
    }
    case 'member': {
      const o = evalNode(n.obj, scope, src);
      const k = evalNode(n.prop, scope, src);
      if (o === null || o === undefined) return null;
      if (Array.isArray(o)) {
        if (k === 'length') return o.length;
        if (typeof k !== 'number') throw new UnsupportedError(`array property "${String(k)}" in "${src}"`);
        const i = k < 0 ? o.length + k : k;
        return o[i] ?? null;
      }
      if (typeof o === 'string') {
        if (k === 'length') throw new UnsupportedError(`string .length in "${src}" (APL uses String.length())`);
        return null;
      }
      if (typeof o === 'object') return (o as Record<string, unknown>)[String(k)] ?? null;
      return null;
    }
    case 'call': return MATH[n.fn]!(...n.args.map((a) => num(evalNode(a, scope, src), src)));
    case 'unary': {
      const a = evalNode(n.a, scope, src);
      if (n.op === '!') return !truthy(a);
      return n.op === '-' ? -num(a, src) : num(a, src);
    }
    case 'cond': return truthy(evalNode(n.c, scope, src)) ? evalNode(n.a, scope, src) : evalNode(n.b, scope, src);
    case 'bin': {
      if (n.op === '&&') { const a = evalNode(n.a, scope, src); return truthy(a) ? evalNode(n.b, scope, src) : a; }
      if (n.op === '||') { const a = evalNode(n.a, scope, src); return truthy(a) ? a : evalNode(n.b, scope, src); }
      const a = evalNode(n.a, scope, src);
      const b = evalNode(n.b, scope, src);
      switch (n.op) {
        case '==': return a === b || (a == null && b == null);
        case '!=': return !(a === b || (a == null && b == null));
        case '<': return num(a, src) < num(b, src);
        case '>': return num(a, src) > num(b, src);
        case '<=': return num(a, src) <= num(b, src);
        case '>=': return num(a, src) >= num(b, src);
        case '+': return typeof a === 'string' || typeof b === 'string' ? str(a) + str(b) : num(a, src) + num(b, src);
        case '-': return num(a, src) - num(b, src);
        case '*': return num(a, src) * num(b, src);
        case '/': return num(a, src) / num(b, src);
        case '%': return num(a, src) % num(b, src);
      }
    }
  }
  throw new Error(`internal: unhandled node in "${src}"`);
}

/** Evaluate one expression body (the text between `${` and `}`). */
export function evalExpression(body: string, scope: Scope): unknown {
  let n = cache.get(body);
  if (!n) { n = parse(body); cache.set(body, n); }
  return evalNode(n, scope, body);
}

/** Split a string into literal text and `${...}` bodies (brace-aware, quote-aware). */
function splitTemplate(s: string): Array<{ lit: string } | { expr: string }> {
  const parts: Array<{ lit: string } | { expr: string }> = [];
  let i = 0; let lit = '';
  while (i < s.length) {
    if (s[i] === '$' && s[i + 1] === '{') {
      let j = i + 2; let depth = 1; let q: string | null = null;
      while (j < s.length && depth > 0) {
        const c = s[j]!;
        if (q) { if (c === q) q = null; } else if (c === '"' || c === "'") q = c; else if (c === '{') depth++; else if (c === '}') depth--;
        j++;
      }
      if (depth !== 0) throw new Error(`unterminated \${ in "${s}"`);
      if (lit) { parts.push({ lit }); lit = ''; }
      parts.push({ expr: s.slice(i + 2, j - 1) });
      i = j;
    } else { lit += s[i]; i++; }
  }
  if (lit) parts.push({ lit });
  return parts;
}

/** Evaluate a JSON value: strings with `${}` are evaluated (a lone `${}` keeps its type), arrays and maps recurse. */
export function evaluate(value: unknown, scope: Scope): unknown {
  if (typeof value === 'string') {
    const res = /^@([A-Za-z_][A-Za-z0-9_]*)$/.exec(value);
    if (res) {
      if (!scope.resources.has(res[1]!)) throw new Error(`unknown resource "${value}"`);
      return scope.resources.get(res[1]!);
    }
    if (!value.includes('${')) return value;
    const parts = splitTemplate(value);
    if (parts.length === 1 && 'expr' in parts[0]!) return evalExpression(parts[0].expr, scope);
    return parts.map((p) => ('lit' in p ? p.lit : str(evalExpression(p.expr, scope)))).join('');
  }
  if (Array.isArray(value)) return value.map((v) => evaluate(v, scope));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, scope)]));
  }
  return value;
}
