/** Plain values to DynamoDB AttributeValue JSON and back, and what is refused (with a warn line), never dropped. */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logOutput } from '../../src/alexa/log.js';
import { marshallRecord, marshallValue, unmarshallRecord, unmarshallValue } from '../../src/alexa/persistence/attribute-value.js';
import { StoreRejectedError, UnstorableValueError } from '../../src/alexa/persistence/errors.js';

let lines: string[] = [];
const write = logOutput.write;
beforeEach(() => {
  lines = [];
  logOutput.write = (_fd, text) => { lines.push(text); };
  process.env.LOG_LEVEL = 'info';
});
afterEach(() => {
  logOutput.write = write;
  process.env.LOG_LEVEL = 'silent';
});

describe('marshalling', () => {
  it('writes strings, numbers, booleans, null, nested maps and lists as DynamoDB JSON', () => {
    expect(marshallRecord({ s: 'a', e: '', n: 1.5, neg: -3, z: 0, t: true, f: false, nil: null, list: [1, 'x', [false]], map: { deep: { k: 'v' } } })).toEqual({
      s: { S: 'a' }, e: { S: '' }, n: { N: '1.5' }, neg: { N: '-3' }, z: { N: '0' }, t: { BOOL: true }, f: { BOOL: false }, nil: { NULL: true },
      list: { L: [{ N: '1' }, { S: 'x' }, { L: [{ BOOL: false }] }] },
      map: { M: { deep: { M: { k: { S: 'v' } } } } },
    });
    expect(lines).toEqual([]);
  });

  it('leaves out undefined properties, as the SDK does with removeUndefinedValues', () => {
    expect(marshallRecord({ a: 1, b: undefined, nested: { c: undefined } })).toEqual({ a: { N: '1' }, nested: { M: {} } });
  });

  it('round-trips any JSON-like value', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
        fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(fc.property(fc.dictionary(fc.string(), json, { maxKeys: 5 }), (record) => {
      expect(unmarshallRecord(JSON.parse(JSON.stringify(marshallRecord(record))))).toEqual(record);
    }));
  });

  it('reads a stored key named __proto__ as a plain key, never as the prototype (a tampered record)', () => {
    const record = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const back = unmarshallRecord(JSON.parse(JSON.stringify(marshallRecord(record))));
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect((back as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(back).sort()).toEqual(['__proto__', 'a']);
  });

  it('reads sets, binary and the types it never writes', () => {
    expect(unmarshallValue({ SS: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(unmarshallValue({ NS: ['1', '2.5'] })).toEqual([1, 2.5]);
    expect(unmarshallValue({ B: Buffer.from('hi').toString('base64') })).toEqual(Buffer.from('hi'));
    expect(() => unmarshallValue({ X: 1 })).toThrow(StoreRejectedError);
    expect(() => unmarshallRecord([])).toThrow(StoreRejectedError);
  });

  const circular: Record<string, unknown> = { a: 1 };
  circular.self = circular;
  let deep: Record<string, unknown> = {};
  for (let i = 0; i < 40; i += 1) deep = { d: deep };

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a function', { state: { fn: () => 1 } }, 'state.fn', 'a function'],
    ['a symbol', { s: Symbol('x') }, 's', 'a symbol'],
    ['a bigint', { big: 10n }, 'big', 'a bigint'],
    ['NaN', { n: Number.NaN }, 'n', 'the number NaN'],
    ['Infinity', { list: [1, Number.POSITIVE_INFINITY] }, 'list[1]', 'the number Infinity'],
    ['undefined inside a list', { list: [1, undefined] }, 'list[1]', 'undefined inside a list'],
    ['a Date', { when: new Date(0) }, 'when', 'an instance of Date'],
    ['a Map', { m: new Map() }, 'm', 'an instance of Map'],
    ['a cycle', circular, 'self', 'a circular reference'],
  ])('refuses %s with an UnstorableValueError naming where, and a warn line', (_, record, path, what) => {
    let error: unknown;
    try {
      marshallRecord(record);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnstorableValueError);
    expect((error as UnstorableValueError).path).toBe(path);
    expect((error as Error).message).toBe(`cannot store ${what} at ${path}`);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([{ level: 'warn', event: 'store.unstorable_value', path, what }]);
  });

  it('refuses structures nested deeper than DynamoDB allows', () => {
    expect(() => marshallRecord(deep)).toThrow(/nested deeper than 32/);
  });

  it('refuses undefined as a whole value', () => {
    expect(() => marshallValue(undefined, 'x')).toThrow(UnstorableValueError);
  });
});
