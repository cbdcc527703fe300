/**
 * The store's request signer (src/alexa/persistence/sigv4.ts, hashing with node:crypto) against the references
 * it replaces: aws4 (through the bench candidate that signs with it, a devDependency kept as the oracle) for the
 * headers, and Date#toISOString for the date.
 */
import { describe, expect, it, vi } from 'vitest';
import { signDynamoRequest as signWithAws4 } from '../../bench/candidates/sigv4-aws4.js';
import { amzDate, signDynamoRequest, type SignedRequest } from '../../src/alexa/persistence/sigv4.js';

describe('amzDate', () => {
  it('writes YYYYMMDDTHHMMSSZ as Date#toISOString would, from 1970 to 2100 and at the edges', () => {
    const times = [0, Date.UTC(2000, 1, 29, 23, 59, 59), Date.UTC(2100, 2, 1), Date.UTC(2026, 11, 31, 23, 59, 59, 999), Date.UTC(1999, 11, 31, 12)];
    for (let i = 0; i < 5000; i += 1) times.push(Math.floor((i / 5000) * 4_102_444_800_000) + i * 7919);
    for (const t of times) expect(amzDate(t), String(t)).toBe(new Date(t).toISOString().replace(/[:-]|\.\d{3}/g, ''));
  });
});

describe('signDynamoRequest', () => {
  const request = (over: Partial<SignedRequest> = {}): SignedRequest => ({
    host: 'dynamodb.eu-west-1.amazonaws.com', path: '/', region: 'eu-west-1', target: 'DynamoDB_20120810.PutItem',
    body: JSON.stringify({ TableName: 'Users', Item: { id: { S: 'amzn1.ask.account.X' }, attributes: { M: { note: { S: 'Füße, ß, é, ñ' } } } } }),
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    nowMs: Date.UTC(2026, 11, 1, 21, 5, 9), ...over,
  });
  /**
   * aws4's headers for the same request at the same time, through the bench's aws4 candidate (the client as it
   * was): aws4 reads the clock itself, so the clock is set to the request's time and aws4 writes its own date.
   */
  const reference = (r: SignedRequest) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(r.nowMs);
    try {
      return sorted(signWithAws4(r));
    } finally {
      vi.useRealTimers();
    }
  };
  const sorted = (h: Record<string, string | number>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, String(v)]).sort(([a], [b]) => (a! < b! ? -1 : 1)));

  it.each([
    ['the regional endpoint', {}],
    ['a local server with a port', { host: '127.0.0.1:8000', region: 'us-east-1', target: 'DynamoDB_20120810.GetItem' }],
    ['Lambda credentials with a session token', { credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'IQoJb3JpZ2luX2VjE  with  spaces' } }],
    ['the smallest body on a new day', { body: '{}', nowMs: Date.UTC(2027, 0, 1, 0, 0, 0) }],
  ])('signs %s exactly as aws4 does', (_, over) => {
    const r = request(over as Partial<SignedRequest>);
    expect(sorted(signDynamoRequest(r))).toEqual(reference(r));
  });

  it('derives the signing key again when the day, the region or the secret changes', () => {
    const a = request();
    const signatureOf = (r: SignedRequest) => signDynamoRequest(r).Authorization!.split('Signature=')[1];
    const base = signatureOf(a);
    for (const r of [request({ nowMs: a.nowMs + 86_400_000 }), request({ region: 'us-west-2' }), request({ credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'other' } })]) {
      expect(signatureOf(r)).not.toBe(base);
      expect(sorted(signDynamoRequest(r))).toEqual(reference(r));
    }
    expect(signatureOf(a)).toBe(base);
  });
});
