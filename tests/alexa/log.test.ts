/**
 * Log lines never carry ids or tokens (src/alexa/log.ts), with ids of the lengths Alexa really sends: a user id
 * is 244 characters (`amzn1.ask.account.` + 226). Scrubbing happens before a message is cut short, so neither
 * the whole id nor any part of it is left; and lines go through console, as Lambda's runtime expects.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorFields, log, logOutput, MAX_MESSAGE_CHARS, scrub } from '../../src/alexa/log.js';
import { DynamoDbPersistenceAdapter } from '../../src/alexa/persistence/dynamodb-adapter.js';
import { createSkill } from '../../src/skill.js';
import { launchRequest } from '../../tools/envelopes.js';
import { logged } from '../support/outcomes.js';

/** A deterministic opaque tail of letters and digits, as Alexa's ids have. */
function tail(seed: number, length: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += chars[(x >>> 16) % chars.length];
  }
  return out;
}

const USER_TAIL = tail(1, 226);
const USER_ID = `amzn1.ask.account.${USER_TAIL}`;
const DEVICE_ID = `amzn1.ask.device.${tail(2, 200)}`;
const PERSON_ID = `amzn1.ask.person.${tail(3, 180)}`;
const SESSION_ID = 'amzn1.echo-api.session.3f1c2a9e-6b1d-4f3a-9c5e-2d7b8a4e1f60';
const API_TOKEN = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.${tail(4, 300)}.${tail(5, 340)}`;
const LWA_TOKEN = `Atza|${tail(6, 280)}`;

/** The pieces of a secret no line may hold: every 8-character window of its opaque part. */
const fragments = (secret: string) => Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8));
const leaks = (text: string, secret: string) => fragments(secret).filter((f) => text.includes(f));

afterEach(() => { vi.restoreAllMocks(); process.env.LOG_LEVEL = 'silent'; });

describe('scrub', () => {
  it('has a 244-character user id to work on, as Alexa sends', () => {
    expect(USER_ID).toHaveLength(244);
  });

  it.each([
    ['user', USER_ID, USER_TAIL, '<user>'],
    ['device', DEVICE_ID, DEVICE_ID.slice(17), '<device>'],
    ['person', PERSON_ID, PERSON_ID.slice(17), '<person>'],
    ['session', SESSION_ID, SESSION_ID.slice(23), '<session>'],
    ['API access token', API_TOKEN, API_TOKEN.slice(3), '<token>'],
    ['Login with Amazon token', LWA_TOKEN, LWA_TOKEN.slice(5), '<token>'],
  ])('replaces a %s id or token wherever it stands', (_, secret, opaque, placeholder) => {
    const text = `before ${secret}: after "${secret}",${secret}`;
    const out = scrub(text);
    expect(leaks(out, opaque)).toEqual([]);
    expect(out).toBe(`before ${placeholder}: after "${placeholder}",${placeholder}`);
  });

  it('removes what is left of an id that something upstream already cut short', () => {
    const cut = `${'x'.repeat(150)} ${USER_ID}`.slice(0, 200);
    expect(leaks(scrub(cut), USER_TAIL)).toEqual([]);
  });

  it('leaves skill ids and ordinary words alone', () => {
    const text = 'skill amzn1.ask.skill.11111111-2222-3333-4444-555555555555 said GetItem: ETIMEDOUT';
    expect(scrub(text)).toBe(text);
  });
});

describe('errorFields and log', () => {
  it('scrub a 244-character id before the message is cut to its limit (the id sits across the cut)', () => {
    const error = new Error(`${'v'.repeat(MAX_MESSAGE_CHARS - 100)} key ${USER_ID} of table Users`);
    const fields = errorFields(error);
    expect(leaks(fields.message!, USER_TAIL)).toEqual([]);
    expect(fields.message).toContain('key <user> of table Users');
    expect(fields.message!.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
  });

  it('scrub every field of a record, nested ones too', async () => {
    const lines = await logged(async () => {
      log('error', 'test.event', { message: `id ${USER_ID}`, nested: { device: DEVICE_ID, list: [SESSION_ID] }, count: 3 });
    });
    expect(lines).toHaveLength(1);
    for (const secret of [USER_TAIL, DEVICE_ID.slice(17), SESSION_ID.slice(23)]) expect(leaks(lines[0]!, secret)).toEqual([]);
    expect(JSON.parse(lines[0]!)).toEqual({ level: 'error', event: 'test.event', message: 'id <user>', nested: { device: '<device>', list: ['<session>'] }, count: 3 });
  });

  it('write through console: JSON text by default, the record itself under Lambda\'s JSON log format', () => {
    process.env.LOG_LEVEL = 'info';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    log('warn', 'store.save_failed', { error: 'StoreUnavailableError' });
    log('info', 'request', { outcome: 'welcome' });
    const format = process.env.AWS_LAMBDA_LOG_FORMAT;
    process.env.AWS_LAMBDA_LOG_FORMAT = 'JSON';
    try {
      log('error', 'request.failed', { message: USER_ID });
    } finally {
      if (format === undefined) delete process.env.AWS_LAMBDA_LOG_FORMAT;
      else process.env.AWS_LAMBDA_LOG_FORMAT = format;
    }
    expect(warn).toHaveBeenCalledWith('{"level":"warn","event":"store.save_failed","error":"StoreUnavailableError"}');
    expect(info).toHaveBeenCalledWith('{"level":"info","event":"request","outcome":"welcome"}');
    expect(error).toHaveBeenCalledWith({ level: 'error', event: 'request.failed', message: '<user>' });
    expect(logOutput.write).toBeTypeOf('function');
  });
});

describe('a store that echoes the user id in its error (as a validation error does)', () => {
  let server: Server;
  let endpoint: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        // Long enough that the store client's own 200-character cut falls inside the id.
        const message = `One or more parameter values were invalid: ${'the key does not match the schema '.repeat(2)}for id ${USER_ID}`;
        res.writeHead(400, { 'Content-Type': 'application/x-amz-json-1.0' })
          .end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ValidationException', message }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('logs the failure at error level with no part of a 244-character id', async () => {
    const store = new DynamoDbPersistenceAdapter({ tableName: 'Users', endpoint, credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'secret' } });
    const skill = createSkill({ store });
    const lines = await logged(() => skill.invoke(launchRequest({ userId: USER_ID })));
    const failed = lines.filter((l) => l.includes('"event":"store.load_failed"'));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toContain('<user>');
    expect(leaks(lines.join('\n'), USER_TAIL)).toEqual([]);
  });
});
