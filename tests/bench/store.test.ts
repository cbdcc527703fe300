/**
 * The bench measures what production runs: the store stand-in speaks HTTPS with a test CA the children trust
 * (tools/bench/store.ts, tls.ts), and a child has loaded what Lambda's runtime loads before the handler
 * (tools/bench/child.cjs).
 */
import { execFile } from 'node:child_process';
import { request } from 'node:https';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_SKILL_ID, BENCH_USER_ID, launch } from '../../tools/bench/envelopes.js';
import { startStore, type BenchStore } from '../../tools/bench/store.js';
import { buildLambdaBundle } from '../../tools/build.mjs';

const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
const run = promisify(execFile);

/** A stand-in "bundle" that reads one item over the store's endpoint with the skill's own client, and reports what Node had loaded. */
function probeBundle(): string {
  const file = join(dir, 'probe.cjs');
  writeFileSync(file, `
    const before = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
    exports.handler = async () => {
      const { DynamoJsonClient } = await import(${JSON.stringify(resolve('src/alexa/persistence/dynamo-http.ts'))});
      const client = new DynamoJsonClient({ attemptTimeoutMs: 5000, maxAttempts: 1 });
      const out = await client.call('GetItem', { TableName: process.env.TABLE_NAME, Key: { id: { S: 'nobody' } } });
      require('fs').writeFileSync(process.env.PROBE_OUT, JSON.stringify({ before, out }));
      return { response: { outputSpeech: { type: 'PlainText', text: 'read' } } };
    };`);
  return file;
}

/** What the probe saw: the built-ins loaded before the handler, and the store's answer. */
async function cold(bundle: string, env: Record<string, string>): Promise<{ before: string[]; out: unknown }> {
  const input = join(dir, 'in.json');
  const result = join(dir, 'out.json');
  const probe = join(dir, 'probe.json');
  writeFileSync(input, JSON.stringify([{ kind: 'probe', envelope: {} }]));
  // tsx is needed only to import the client's TypeScript source in this test; the bench runs bundles.
  await run(process.execPath, ['--import', 'tsx', resolve('tools/bench/child.cjs'), 'cold', bundle, input, result], { env: { PATH: process.env.PATH ?? '', PROBE_OUT: probe, ...env } });
  expect((JSON.parse(readFileSync(result, 'utf8')) as { speech: string }).speech).toBe('read');
  return JSON.parse(readFileSync(probe, 'utf8')) as { before: string[]; out: unknown };
}

describe('bench store over HTTPS', () => {
  let store: BenchStore;
  beforeAll(async () => { store = await startStore({ tlsDir: join(dir, 'tls') }); });
  afterAll(async () => { await store.stop(); });

  it('serves https on loopback and hands children the test CA', () => {
    expect(store.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(readFileSync(store.env.NODE_EXTRA_CA_CERTS!, 'utf8')).toContain('BEGIN CERTIFICATE');
  });

  it('answers a child that trusts the CA, over a verified TLS connection; refuses one that does not', async () => {
    expect((await cold(probeBundle(), store.env)).out).toEqual({});
    const { NODE_EXTRA_CA_CERTS: _ca, ...untrusting } = store.env;
    await expect(cold(probeBundle(), untrusting)).rejects.toThrow(/certificate|self.signed|unable to verify/i);
  });

  it('loads in the child, before the handler, the built-ins Lambda\'s runtime has loaded', async () => {
    const { before } = await cold(probeBundle(), store.env);
    expect(before).toEqual(expect.arrayContaining(['http', 'net', 'stream', 'assert', 'os', 'worker_threads', 'util', 'fs', 'path']));
    // Not tls or crypto: those are the store client's own cost, as in Lambda.
    expect(before).not.toContain('tls');
  });
});

/** PutItem from this process, which does not trust the test CA through NODE_EXTRA_CA_CERTS: the CA is passed as `ca`. */
function putItem(store: BenchStore, item: Record<string, unknown>): Promise<number> {
  const body = JSON.stringify({ TableName: store.tableName, Item: item });
  const url = new URL(store.endpoint);
  return new Promise((resolve, reject) => {
    const req = request({
      hostname: url.hostname, port: url.port, path: '/', method: 'POST', ca: readFileSync(store.env.NODE_EXTRA_CA_CERTS!, 'utf8'),
      headers: {
        'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.PutItem', 'x-amz-date': '20261207T000000Z',
        authorization: 'AWS4-HMAC-SHA256 Credential=local/20261207/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00',
      },
    }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the floor: the minimal skill with one bare HTTPS GetItem (bench/fixtures/minimal-skill-bare-store.ts)', () => {
  let store: BenchStore;
  let floor: string;
  beforeAll(async () => {
    store = await startStore({ tlsDir: join(dir, 'tls-floor') });
    floor = (await buildLambdaBundle('bench/fixtures/minimal-skill-bare-store.ts', join(dir, 'floor'))).file;
  });
  afterAll(async () => { await store.stop(); });

  /** What the floor's cold launch said, as the bench's child times it. */
  async function said(env: Record<string, string>): Promise<string> {
    const input = join(dir, 'floor-in.json');
    const result = join(dir, 'floor-out.json');
    writeFileSync(input, JSON.stringify([{ kind: 'launch', envelope: launch() }]));
    await run(process.execPath, [resolve('tools/bench/child.cjs'), 'cold', floor, input, result], { env: { PATH: process.env.PATH ?? '', SKILL_ID: BENCH_SKILL_ID, ...env } });
    return (JSON.parse(readFileSync(result, 'utf8')) as { speech: string }).speech;
  }

  it('bundles node:https and no SDK or signer', () => {
    const code = readFileSync(floor, 'utf8');
    expect(code).toMatch(/require\("node:https"\)/);
    expect(code).not.toMatch(/@aws-sdk|node_modules\/aws4|createHmac/);
  });

  it('reads the item over HTTPS: "welcome" before it exists, "welcome back" after; a missing table fails loudly', async () => {
    expect(await said(store.env)).toBe('Welcome to the minimal skill.');
    expect(await putItem(store, { id: { S: BENCH_USER_ID }, attributes: { M: { state: { S: 'saved' } } } })).toBe(200);
    expect(await said(store.env)).toBe('Welcome back to the minimal skill.');
    expect(await said({ ...store.env, TABLE_NAME: 'NoSuchTable' })).toBe('Sorry, something went wrong.');
  });
});
