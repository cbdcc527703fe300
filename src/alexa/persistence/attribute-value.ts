/**
 * Plain JavaScript values to DynamoDB's AttributeValue JSON and back, for the item shape
 * `{ id: <userId>, attributes: {...} }`: strings, finite numbers, booleans, null, nested maps and lists.
 * Anything else (functions, symbols, bigint, NaN/Infinity, undefined inside a list, class instances,
 * cycles) is refused with an UnstorableValueError and a warn log line, never dropped silently.
 * `undefined` object properties are left out, as the SDK's `removeUndefinedValues` does.
 */
import { log } from '../log.js';
import { StoreRejectedError, UnstorableValueError } from './errors.js';

export type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly L: readonly AttributeValue[] }
  | { readonly M: Readonly<Record<string, AttributeValue>> };

/** Deeper than any state we keep; also stops runaway structures before DynamoDB's own limit of 32 levels. */
const MAX_DEPTH = 32;

function refuse(path: string, what: string): never {
  const error = new UnstorableValueError(path, what);
  log('warn', 'store.unstorable_value', { path: error.path, what });
  throw error;
}

const join = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function toValue(value: unknown, path: string, seen: Set<object>): AttributeValue {
  switch (typeof value) {
    case 'string': return { S: value };
    case 'boolean': return { BOOL: value };
    case 'number':
      if (!Number.isFinite(value)) return refuse(path, `the number ${String(value)}`);
      return { N: String(value) };
    case 'undefined': return refuse(path, 'undefined inside a list');
    case 'bigint': return refuse(path, 'a bigint');
    case 'symbol': return refuse(path, 'a symbol');
    case 'function': return refuse(path, 'a function');
    default: break;
  }
  if (value === null) return { NULL: true };
  const object = value as object;
  if (seen.has(object)) return refuse(path, 'a circular reference');
  if (seen.size >= MAX_DEPTH) return refuse(path, `a structure nested deeper than ${MAX_DEPTH} levels`);
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      const list: AttributeValue[] = [];
      for (let i = 0; i < object.length; i += 1) list.push(toValue(object[i], join(path, i), seen));
      return { L: list };
    }
    if (!isPlainObject(object)) return refuse(path, `an instance of ${object.constructor?.name ?? 'a class'}`);
    return { M: toMap(object as Record<string, unknown>, path, seen) };
  } finally {
    seen.delete(object);
  }
}

function toMap(record: Record<string, unknown>, path: string, seen: Set<object>): Record<string, AttributeValue> {
  const map: Record<string, AttributeValue> = {};
  for (const [key, v] of Object.entries(record)) {
    if (v !== undefined) Object.defineProperty(map, key, { value: toValue(v, join(path, key), seen), enumerable: true, writable: true, configurable: true });
  }
  return map;
}

/** A record of plain values as an AttributeValue map (the `M` content). Throws UnstorableValueError. */
export function marshallRecord(record: Readonly<Record<string, unknown>>, path = ''): Record<string, AttributeValue> {
  return toMap(record as Record<string, unknown>, path, new Set([record]));
}

/** One plain value as an AttributeValue. Throws UnstorableValueError. */
export function marshallValue(value: unknown, path = ''): AttributeValue {
  if (value === undefined) return refuse(path, 'undefined');
  return toValue(value, path, new Set());
}

function malformed(what: string): never {
  throw new StoreRejectedError(`the store returned an item this adapter cannot read (${what})`, 200, 'MalformedItem');
}

/** An AttributeValue back to a plain value. Sets come back as arrays, binary as a Buffer. */
export function unmarshallValue(av: unknown): unknown {
  if (typeof av !== 'object' || av === null) return malformed('not an AttributeValue');
  const v = av as Record<string, unknown>;
  if (typeof v.S === 'string') return v.S;
  if (typeof v.N === 'string') return Number(v.N);
  if (typeof v.BOOL === 'boolean') return v.BOOL;
  if (v.NULL === true) return null;
  if (Array.isArray(v.L)) return v.L.map(unmarshallValue);
  if (typeof v.M === 'object' && v.M !== null) return unmarshallRecord(v.M);
  if (Array.isArray(v.SS)) return [...(v.SS as string[])];
  if (Array.isArray(v.NS)) return (v.NS as string[]).map(Number);
  if (typeof v.B === 'string') return Buffer.from(v.B, 'base64');
  if (Array.isArray(v.BS)) return (v.BS as string[]).map((b) => Buffer.from(b, 'base64'));
  return malformed(`unknown type ${Object.keys(v).join(',').slice(0, 40)}`);
}

/** An AttributeValue map (the `M` content, or an item) back to a plain record. */
export function unmarshallRecord(map: unknown): Record<string, unknown> {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) return malformed('not a map');
  const out: Record<string, unknown> = {};
  // Own properties whatever their name: a stored key "__proto__" must never reach the prototype setter.
  for (const [key, v] of Object.entries(map)) Object.defineProperty(out, key, { value: unmarshallValue(v), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Left out of a lenient read: an AttributeValue of a type this code does not know. */
const DROPPED = Symbol('dropped');

function lenient(av: unknown): unknown {
  if (typeof av !== 'object' || av === null) return DROPPED;
  const v = av as Record<string, unknown>;
  if (Array.isArray(v.L)) return v.L.map(lenient).filter((x) => x !== DROPPED);
  if (typeof v.M === 'object' && v.M !== null && !Array.isArray(v.M)) return lenientRecord(v.M);
  try {
    return unmarshallValue(av);
  } catch {
    return DROPPED;
  }
}

function lenientRecord(map: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(map)) {
    const value = lenient(v);
    if (value !== DROPPED) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * An AttributeValue back to a plain value, leaving out what cannot be read (an unknown type, at any depth)
 * instead of failing: the rest of a damaged item is still read, and the item can be saved again.
 * Undefined when the value itself cannot be read.
 */
export function unmarshallLenient(av: unknown): unknown {
  const value = lenient(av);
  return value === DROPPED ? undefined : value;
}
