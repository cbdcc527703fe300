/**
 * The DynamoDB adapter against fake servers on 127.0.0.1: a store that accepts connections and never
 * answers, 500s, throttling, answers that are not JSON, validation errors; and what each request
 * carries (target, signature with the session token, region, endpoint precedence).
 */
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbPersistenceAdapter, STORE_TURN_BUDGET_MS, type DynamoDbAdapterOptions } from '../../src/alexa/persistence/dynamodb-adapter.js';
import { endpointOf } from '../../src/alexa/persistence/dynamo-http.js';
import { isStoreUnavailable, StoreRejectedError, StoreUnavailableError, UnstorableValueError } from '../../src/alexa/persistence/errors.js';
import { persistenceFromEnv } from '../../src/alexa/persistence/index.js';
import { loadForSession, noteChanges, saveForSession } from '../../src/alexa/store-session.js';
import { INITIAL_STATE } from '../../src/core/state.js';
import { launchRequest } from '../../tools/envelopes.js';
import { logged } from '../support/outcomes.js';
import { failureOf, withEnv } from '../support/env.js';

const USER = 'amzn1.ask.account.FAULTS';
const CREDENTIALS = { accessKeyId: 'AKIDFAKE', secretAccessKey: 'secret' } as const;

interface Seen { readonly headers: IncomingHttpHeaders; readonly body: Record<string, unknown> }
type Reply = { status: number; body: string } | 'hang';

/** An HTTP server that answers each request with the next reply of a script (the last one repeats). */
class FakeDynamo {
  readonly seen: Seen[] = [];
  private replies: Reply[] = [];
  private readonly server: HttpServer;
  private readonly sockets = new Set<Socket>();

  constructor() {
    this.server = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.seen.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown> });
        const reply = this.replies.length > 1 ? this.replies.shift()! : this.replies[0] ?? { status: 200, body: '{}' };
        if (reply === 'hang') return;
        res.writeHead(reply.status, { 'Content-Type': 'application/x-amz-json-1.0' }).end(reply.body);
      });
    });
    this.server.on('connection', (s) => { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); });
  }

  async start(): Promise<this> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return this;
  }

  get endpoint(): string { return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`; }

  script(...replies: Reply[]): void {
    this.replies = replies;
    this.seen.length = 0;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}

const error = (type: string, message = 'x') => JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message });
const ok = (body: unknown = {}) => ({ status: 200, body: JSON.stringify(body) });

describe('a store that accepts connections and never answers', () => {
  let server: TcpServer;
  const sockets = new Set<Socket>();
  let endpoint: string;

  beforeAll(async () => {
    server = createTcpServer((socket) => { sockets.add(socket); socket.on('error', () => undefined); });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((done) => server.close(() => done()));
  });

  it('costs a turn at most 2.5 s, read and save together, with the default timeouts and attempts', async () => {
    const store = new DynamoDbPersistenceAdapter({ tableName: 't', endpoint, credentials: CREDENTIALS });
    const turn = launchRequest({ userId: USER });
    const startMs = performance.now();
    const readFailure = await failureOf(store.getAttributes(turn));
    /** The read alone: two attempts of ~1 s each, in ms. */
    const readMs = performance.now() - startMs;
    const saveFailure = await failureOf(store.saveAttributes(turn, { a: 1 }));
    /** Read and save together, in ms. */
    const totalMs = performance.now() - startMs;
    expect(readFailure).toBeInstanceOf(StoreUnavailableError);
    expect(saveFailure).toBeInstanceOf(StoreUnavailableError);
    expect(readMs).toBeGreaterThan(1_900); // both attempts were made, each waiting ~1 s
    expect(totalMs).toBeLessThanOrEqual(2_500);
    expect(totalMs).toBeGreaterThanOrEqual(STORE_TURN_BUDGET_MS - 100);
  }, 10_000);

  it('gives the next turn its own budget', async () => {
    const store = new DynamoDbPersistenceAdapter({ tableName: 't', endpoint, credentials: CREDENTIALS, timeoutMs: 150, turnBudgetMs: 200 });
    await failureOf(store.getAttributes(launchRequest({ userId: USER })));
    const startMs = performance.now();
    await failureOf(store.getAttributes(launchRequest({ userId: USER })));
    expect(performance.now() - startMs).toBeGreaterThan(140); // a real attempt, not an immediate "no time left"
  });
});

describe('fake DynamoDB answers', () => {
  let fake: FakeDynamo;
  let store: DynamoDbPersistenceAdapter;
  const options = (): DynamoDbAdapterOptions => ({ tableName: 'Skill', endpoint: fake.endpoint, credentials: CREDENTIALS, timeoutMs: 500 });
  const turn = () => launchRequest({ userId: USER });

  beforeAll(async () => { fake = await new FakeDynamo().start(); });
  afterAll(async () => { await fake.stop(); });

  it('reads an item: GetItem on the table by id, consistent, and unmarshals the attributes', async () => {
    store = new DynamoDbPersistenceAdapter(options());
    fake.script(ok({ Item: { id: { S: USER }, attributes: { M: { state: { M: { step: { N: '3' }, chimes: { BOOL: false }, tags: { L: [{ S: 'a' }, { NULL: true }] } } } } } } }));
    expect(await store.getAttributes(turn())).toEqual({ state: { step: 3, chimes: false, tags: ['a', null] } });
    expect(fake.seen).toHaveLength(1);
    expect(fake.seen[0]!.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(fake.seen[0]!.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(fake.seen[0]!.body).toEqual({ TableName: 'Skill', Key: { id: { S: USER } }, ConsistentRead: true });
  });

  it('saves and deletes with PutItem and DeleteItem in the { id, attributes } shape', async () => {
    store = new DynamoDbPersistenceAdapter(options());
    fake.script(ok());
    await store.saveAttributes(turn(), { state: { v: 1, prefs: { holdLength: 'long' }, list: [1, true] } });
    await store.deleteAttributes(turn());
    expect(fake.seen.map((s) => s.headers['x-amz-target'])).toEqual(['DynamoDB_20120810.PutItem', 'DynamoDB_20120810.DeleteItem']);
    expect(fake.seen[0]!.body).toEqual({ TableName: 'Skill', Item: { id: { S: USER }, attributes: { M: { state: { M: {
      v: { N: '1' }, prefs: { M: { holdLength: { S: 'long' } } }, list: { L: [{ N: '1' }, { BOOL: true }] },
    } } } } } });
    expect(fake.seen[1]!.body).toEqual({ TableName: 'Skill', Key: { id: { S: USER } } });
  });

  it('reads an item with a part it cannot decode (an unknown AttributeValue type), and saves again: only the state and rev, if unchanged', async () => {
    const records = new DynamoDbPersistenceAdapter(options()).records();
    fake.script(ok({ Item: { id: { S: USER }, rev: { N: '7' }, attributes: { M: {
      streak: { N: '3' },
      state: { M: { v: { N: '2' }, prefs: { M: { holdLength: { S: 'long' }, chimes: { X: 'from nowhere' } } }, heard: { L: [{ S: 'ankle' }, { Y: '?' }] } } },
    } } } }), ok());
    const loaded = await loadForSession(records, USER, INITIAL_STATE, undefined, 1_000_000);
    expect(loaded).toMatchObject({ down: false, state: { prefs: { holdLength: 'long', chimes: true }, heard: ['ankle'] } });
    const after = { ...loaded.state, prefs: { ...loaded.state.prefs, pace: 'slow' as const } };
    const saved = await saveForSession(records, USER, after, noteChanges(loaded.meta, loaded.state, after), 2_000_000, { ending: true });
    expect(saved.result).toBe('saved');
    expect(fake.seen.map((s) => s.headers['x-amz-target'])).toEqual(['DynamoDB_20120810.GetItem', 'DynamoDB_20120810.UpdateItem']);
    expect(fake.seen[1]!.body).toMatchObject({
      Key: { id: { S: USER } }, UpdateExpression: 'SET #a.#s = :s, #r = :r', ConditionExpression: '#r = :seen AND attribute_not_exists(#del)',
      ExpressionAttributeNames: { '#a': 'attributes', '#s': 'state', '#r': 'rev', '#del': 'deletedAt' },
      ExpressionAttributeValues: { ':seen': { N: '7' }, ':r': { N: '2000000' }, ':s': { M: expect.objectContaining({ v: { N: '2' } }) } },
    });
  });

  it('on a failed condition reads the item again and writes on top of it, within the same save', async () => {
    const records = new DynamoDbPersistenceAdapter(options()).records();
    const item = (rev: string, holdLength: string) => ok({ Item: { id: { S: USER }, rev: { N: rev }, attributes: { M: { state: { M: { v: { N: '2' }, prefs: { M: { holdLength: { S: holdLength } } } } } } } } });
    fake.script(item('1', 'long'));
    const loaded = await loadForSession(records, USER, INITIAL_STATE, undefined, 1_000);
    const after = { ...loaded.state, prefs: { ...loaded.state.prefs, chimes: false } };
    fake.script({ status: 400, body: error('ConditionalCheckFailedException', 'The conditional request failed') }, item('2', 'short'), ok());
    const saved = await saveForSession(records, USER, after, noteChanges(loaded.meta, loaded.state, after), 2_000, { ending: false });
    expect(saved).toMatchObject({ result: 'saved', state: { prefs: { holdLength: 'short', chimes: false } } });
    expect(fake.seen.map((s) => s.headers['x-amz-target'])).toEqual(['DynamoDB_20120810.UpdateItem', 'DynamoDB_20120810.GetItem', 'DynamoDB_20120810.UpdateItem']);
    expect(fake.seen[2]!.body).toMatchObject({ ExpressionAttributeValues: { ':seen': { N: '2' } } });
  });

  it('retries a 500 once, then reports the store unavailable', async () => {
    store = new DynamoDbPersistenceAdapter(options());
    fake.script({ status: 500, body: error('InternalServerError') });
    const e = await failureOf(store.getAttributes(turn()));
    expect(e).toBeInstanceOf(StoreUnavailableError);
    expect(isStoreUnavailable(e)).toBe(true);
    expect((e as StoreUnavailableError).status).toBe(500);
    expect(fake.seen).toHaveLength(2);
  });

  it('succeeds when the retry after a 503 works', async () => {
    store = new DynamoDbPersistenceAdapter(options());
    fake.script({ status: 503, body: '' }, ok({ Item: { id: { S: USER }, attributes: { M: { x: { N: '1' } } } } }));
    expect(await store.getAttributes(turn())).toEqual({ x: 1 });
    expect(fake.seen).toHaveLength(2);
  });

  it.each(['ProvisionedThroughputExceededException', 'ThrottlingException'])('retries on %s (a 400 with that __type) after a pause', async (type) => {
    store = new DynamoDbPersistenceAdapter(options());
    fake.script({ status: 400, body: error(type, 'slow down') }, ok());
    const startMs = performance.now();
    await store.saveAttributes(turn(), { a: 1 });
    expect(fake.seen).toHaveLength(2);
    expect(performance.now() - startMs).toBeGreaterThanOrEqual(15); // the jittered pause (20–100 ms) before the retry
  });

  it('reports throttling that outlasts both attempts as the store unavailable, with its code', async () => {
    store = new DynamoDbPersistenceAdapter(options());
    fake.script({ status: 400, body: error('ThrottlingException') });
    const e = await failureOf(store.saveAttributes(turn(), { a: 1 }));
    expect(e).toBeInstanceOf(StoreUnavailableError);
    expect((e as StoreUnavailableError).code).toBe('ThrottlingException');
    expect(fake.seen).toHaveLength(2);
  });

  it('does not retry a validation error, and says it was refused, not unavailable', async () => {
    store = new DynamoDbPersistenceAdapter(options());
    fake.script({ status: 400, body: error('ValidationException', 'Item size has exceeded the maximum allowed size') });
    const e = await failureOf(store.saveAttributes(turn(), { a: 1 }));
    expect(e).toBeInstanceOf(StoreRejectedError);
    expect(isStoreUnavailable(e)).toBe(false);
    expect((e as StoreRejectedError).code).toBe('ValidationException');
    expect(e.message).toContain('Item size has exceeded');
    expect(fake.seen).toHaveLength(1);
  });

  it('does not retry a missing table either', async () => {
    store = new DynamoDbPersistenceAdapter(options());
    fake.script({ status: 400, body: error('ResourceNotFoundException', 'Requested resource not found') });
    expect(await failureOf(store.getAttributes(turn()))).toBeInstanceOf(StoreRejectedError);
    expect(fake.seen).toHaveLength(1);
  });

  it.each([['not JSON', '<html>gateway</html>'], ['cut short', '{"Item": {"id"'], ['not an object', '[1,2]']])('treats a 200 whose body is %s as the store unavailable, after a retry', async (_, body) => {
    store = new DynamoDbPersistenceAdapter(options());
    fake.script({ status: 200, body });
    const e = await failureOf(store.getAttributes(turn()));
    expect(e).toBeInstanceOf(StoreUnavailableError);
    expect(fake.seen).toHaveLength(2);
  });

  it('never puts the user id in an error, even when the server echoes it', async () => {
    store = new DynamoDbPersistenceAdapter(options());
    fake.script({ status: 400, body: error('ValidationException', `bad key ${USER}`) });
    const e = await failureOf(store.getAttributes(turn()));
    expect(`${e.name} ${e.message} ${e.stack ?? ''}`).not.toContain(USER);
  });

  it('refuses an unstorable value before sending anything, with a warn line', async () => {
    store = new DynamoDbPersistenceAdapter(options());
    fake.script(ok());
    let e: Error | undefined;
    const lines = await logged(async () => { e = await failureOf(store.saveAttributes(turn(), { state: { onChange: () => 1 } })); });
    expect(e).toBeInstanceOf(UnstorableValueError);
    expect(e?.message).toBe('cannot store a function at state.onChange');
    expect(fake.seen).toHaveLength(0);
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([{ level: 'warn', event: 'store.unstorable_value', path: 'state.onChange', what: 'a function' }]);
  });

  it('signs with SigV4 for dynamodb in AWS_REGION, with the Lambda session token as X-Amz-Security-Token', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIDLAMBDA', AWS_SECRET_ACCESS_KEY: 'lambda-secret', AWS_SESSION_TOKEN: 'lambda-session-token', AWS_REGION: 'eu-west-1' };
    await withEnv(env, async () => {
      store = new DynamoDbPersistenceAdapter({ tableName: 'Skill', endpoint: fake.endpoint, timeoutMs: 500 });
      fake.script(ok());
      await store.getAttributes(turn());
    });
    const { headers } = fake.seen[0]!;
    expect(headers['x-amz-security-token']).toBe('lambda-session-token');
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLAMBDA\/\d{8}\/eu-west-1\/dynamodb\/aws4_request, SignedHeaders=[^,]*x-amz-security-token[^,]*, Signature=[0-9a-f]{64}$/);
    expect(headers.authorization).toMatch(/SignedHeaders=[^,]*x-amz-target/);
    expect(headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('fails without retrying when there are no credentials', async () => {
    await withEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }, async () => {
      store = new DynamoDbPersistenceAdapter({ tableName: 'Skill', endpoint: fake.endpoint });
      fake.script(ok());
      const e = await failureOf(store.getAttributes(turn()));
      expect(e.message).toMatch(/AWS_ACCESS_KEY_ID/);
      expect(fake.seen).toHaveLength(0);
    });
  });

  it('persistenceFromEnv prefers AWS_ENDPOINT_URL_DYNAMODB to AWS_ENDPOINT_URL', async () => {
    fake.script(ok());
    const fromEnv = persistenceFromEnv({ TABLE_NAME: 'FromEnv', AWS_ENDPOINT_URL_DYNAMODB: fake.endpoint, AWS_ENDPOINT_URL: 'http://127.0.0.1:1' })!;
    await withEnv({ AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' }, () => fromEnv.getAttributes(turn()));
    expect(fake.seen.map((s) => s.body.TableName)).toEqual(['FromEnv']);
  });
});

describe('endpoint resolution', () => {
  it('takes the option, then AWS_ENDPOINT_URL_DYNAMODB, then AWS_ENDPOINT_URL, else https://dynamodb.<region>.amazonaws.com', () => {
    const env = { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8001', AWS_ENDPOINT_URL: 'http://127.0.0.1:8002' };
    expect(endpointOf({ endpoint: 'http://127.0.0.1:8000' }, env, 'eu-west-1').href).toBe('http://127.0.0.1:8000/');
    expect(endpointOf({}, env, 'eu-west-1').href).toBe('http://127.0.0.1:8001/');
    expect(endpointOf({}, { AWS_ENDPOINT_URL: 'http://127.0.0.1:8002' }, 'eu-west-1').href).toBe('http://127.0.0.1:8002/');
    expect(endpointOf({}, {}, 'ap-south-1').href).toBe('https://dynamodb.ap-south-1.amazonaws.com/');
    expect(() => endpointOf({ endpoint: 'ftp://x' }, {}, 'us-east-1')).toThrow(StoreRejectedError);
  });
});
