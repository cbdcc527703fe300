import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { AttributeValue } from './attribute-value.js';
import type { Credentials, DynamoJsonClient, Operation } from './dynamo-http.js';
import { monotonicMs } from './clock.js';
import { StoreError, StoreRejectedError, StoreUnavailableError } from './errors.js';
import type { Expect, Found, RecordStore, Tombstone } from './record-store.js';

/** Per-attempt time from connecting to the end of the answer, in ms: an Alexa turn has ~8 s in all. */
export const STORE_TIMEOUT_MS = 1_000;
/** Attempts per store call, the first one included. */
export const STORE_MAX_ATTEMPTS = 2;
/**
 * Hard total of store time per request (one Alexa turn: read and save together), in ms. A store that
 * accepts connections and never answers costs a turn this much at most: the read's two attempts
 * (2 × STORE_TIMEOUT_MS plus the retry pause), then the save gets what is left.
 */
export const STORE_TURN_BUDGET_MS = 2_400;

export interface DynamoDbAdapterOptions {
  readonly tableName: string;
  /**
   * A DynamoDB-compatible endpoint such as a local server. Without it: `AWS_ENDPOINT_URL_DYNAMODB`,
   * then `AWS_ENDPOINT_URL`, then `https://dynamodb.<region>.amazonaws.com`, read on each call.
   */
  readonly endpoint?: string;
  /** @default process.env.AWS_REGION ?? 'us-east-1' */
  readonly region?: string;
  /** Explicit credentials (tests against a local server); otherwise the Lambda environment's AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN. */
  readonly credentials?: Credentials;
  /** Per-attempt timeout in ms. @default STORE_TIMEOUT_MS */
  readonly timeoutMs?: number;
  /** @default STORE_MAX_ATTEMPTS */
  readonly maxAttempts?: number;
  /** Store time allowed per request id, in ms. @default STORE_TURN_BUDGET_MS */
  readonly turnBudgetMs?: number;
}

export { userIdOf } from './user-id.js';
import { userIdOf } from './user-id.js';

type Codec = typeof import('./attribute-value.js');
interface Loaded { readonly client: DynamoJsonClient; readonly codec: Codec }

/**
 * ask-sdk PersistenceAdapter over DynamoDB's JSON protocol (our SigV4 + node:https, see dynamo-http.ts),
 * keeping the official adapter's item shape `{ id: <userId>, attributes: {...} }`. The client,
 * signing and the first connection happen on the first store call, so requests that never touch
 * the store load none of it. Every method throws a StoreError on failure (see errors.ts).
 * {@link DynamoDbPersistenceAdapter.records} is the store session's view of the same item (revisions,
 * conditional writes, tombstones); the ask-sdk methods stay plain reads, puts and deletes.
 */
export class DynamoDbPersistenceAdapter implements PersistenceAdapter {
  private loaded: Promise<Loaded> | undefined;
  /** Store time spent so far on the current request, keyed by its request id. */
  private turn: { readonly requestId: string; spentMs: number } | undefined;

  constructor(private readonly options: DynamoDbAdapterOptions) {}

  private load(): Promise<Loaded> {
    this.loaded ??= Promise.all([import('./dynamo-http.js'), import('./attribute-value.js')]).then(([http, codec]) => ({
      client: new http.DynamoJsonClient({
        ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
        ...(this.options.region ? { region: this.options.region } : {}),
        ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
        attemptTimeoutMs: this.options.timeoutMs ?? STORE_TIMEOUT_MS,
        maxAttempts: this.options.maxAttempts ?? STORE_MAX_ATTEMPTS,
      }),
      codec,
    }));
    this.loaded.catch(() => { this.loaded = undefined; }); // load again on the next call
    return this.loaded;
  }

  /** One operation within what is left of this request's store budget; errors never carry the user id. */
  private async call(id: string, requestId: string | undefined, operation: Operation, input: (codec: Codec) => Record<string, unknown>): Promise<{ out: Record<string, unknown>; codec: Codec }> {
    const budgetMs = this.options.turnBudgetMs ?? STORE_TURN_BUDGET_MS;
    if (requestId && this.turn?.requestId !== requestId) this.turn = { requestId, spentMs: 0 };
    const turn = requestId ? this.turn : undefined;
    /** Start of this call, on the client's clock (monotonicMs). */
    const startMs = monotonicMs();
    try {
      const { client, codec } = await this.load();
      const body = { TableName: this.options.tableName, ...input(codec) };
      const out = await client.call(operation, body, startMs + budgetMs - (turn?.spentMs ?? 0));
      return { out, codec };
    } catch (error) {
      throw scrub(error, id);
    } finally {
      if (turn) turn.spentMs += monotonicMs() - startMs;
    }
  }

  /**
   * The user's item for the store session (../store-session.ts): conditional writes on `rev`, tombstones, every
   * other attribute kept. Calls made with the same `requestId` share one turn's store budget.
   */
  records(requestId?: string): RecordStore {
    return {
      read: async (id) => (await this.readItem(id, requestId)).found,
      write: (id, state, rev, expect) => this.writeState(id, requestId, state, rev, expect),
      erase: (id, tombstone) => this.writeTombstone(id, requestId, tombstone),
    };
  }

  private async readItem(id: string, requestId: string | undefined): Promise<{ found: Found; attributes: Record<string, unknown> }> {
    const { out, codec } = await this.call(id, requestId, 'GetItem', () => ({ Key: { id: { S: id } }, ConsistentRead: true }));
    const item = out.Item as Record<string, unknown> | undefined;
    if (item === undefined || typeof item !== 'object' || item === null) return { found: { kind: 'none' }, attributes: {} };
    const number = (av: unknown): number | undefined => {
      const n = codec.unmarshallLenient(av);
      return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
    };
    const deletedAtS = number(item.deletedAt);
    if (deletedAtS !== undefined) return { found: { kind: 'tombstone', deletedAtS, expiresAtS: number(item.expiresAt) ?? deletedAtS }, attributes: {} };
    // Read leniently: a part of the item this code cannot decode is left out, never a reason to stop saving.
    const decoded = codec.unmarshallLenient(item.attributes);
    const mapped = typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded) && !Buffer.isBuffer(decoded);
    const attributes = mapped ? (decoded as Record<string, unknown>) : {};
    const rev = number(item.rev);
    const erasedAtS = number(item.erasedAt);
    return {
      found: { kind: 'record', ...(rev !== undefined ? { rev } : {}), ...(erasedAtS !== undefined ? { erasedAtS } : {}), state: attributes.state, mapped },
      attributes,
    };
  }

  /**
   * UpdateItem with a condition on what was read: a write against a changed item fails with
   * ConditionalCheckFailedException (a 400, not retried by the client) and nothing is written; optimistic
   * locking as https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/BestPractices_OptimisticLocking.html
   * describes it. Only `attributes.state` and `rev` are set, so attributes this code does not know stay.
   */
  private async writeState(id: string, requestId: string | undefined, state: Readonly<Record<string, unknown>>, rev: number, expect: Expect): Promise<boolean> {
    try {
      await this.call(id, requestId, 'UpdateItem', (codec) => {
        const names: Record<string, string> = { '#a': 'attributes', '#r': 'rev' };
        const values: Record<string, AttributeValue> = { ':r': { N: String(rev) } };
        let update: string;
        let condition: string;
        if (expect.kind === 'record' && expect.mapped) {
          // Only the state and the revision: every other attribute of the item and of `attributes` stays.
          names['#s'] = 'state';
          values[':s'] = codec.marshallValue(state, 'state');
          update = 'SET #a.#s = :s, #r = :r';
        } else {
          values[':a'] = { M: { state: codec.marshallValue(state, 'state') } };
          update = 'SET #a = :a, #r = :r';
        }
        if (expect.kind === 'none') {
          names['#id'] = 'id';
          condition = 'attribute_not_exists(#id)';
        } else if (expect.kind === 'tombstone') {
          Object.assign(names, { '#del': 'deletedAt', '#exp': 'expiresAt', '#e': 'erasedAt' });
          values[':d'] = { N: String(expect.deletedAtS) };
          update += ', #e = :d REMOVE #del, #exp';
          condition = '#del = :d';
        } else {
          names['#del'] = 'deletedAt';
          if (expect.rev === undefined) {
            condition = 'attribute_exists(#a) AND attribute_not_exists(#r) AND attribute_not_exists(#del)';
          } else {
            values[':seen'] = { N: String(expect.rev) };
            condition = '#r = :seen AND attribute_not_exists(#del)';
          }
        }
        return { Key: { id: { S: id } }, UpdateExpression: update, ConditionExpression: condition, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
      });
      return true;
    } catch (error) {
      if (error instanceof StoreRejectedError && error.code === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  private async writeTombstone(id: string, requestId: string | undefined, tombstone: Tombstone): Promise<void> {
    await this.call(id, requestId, 'PutItem', () => ({
      Item: { id: { S: id }, deletedAt: { N: String(tombstone.deletedAtS) }, expiresAt: { N: String(tombstone.expiresAtS) } },
    }));
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    return (await this.readItem(userIdOf(envelope), envelope.request?.requestId)).attributes;
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const id = userIdOf(envelope);
    const requestId = envelope.request?.requestId;
    await this.call(id, requestId, 'PutItem', (codec) => ({ Item: { id: { S: id }, attributes: { M: codec.marshallRecord(attributes) } } }));
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const id = userIdOf(envelope);
    await this.call(id, envelope.request?.requestId, 'DeleteItem', () => ({ Key: { id: { S: id } } }));
  }
}

/** The user id must never reach a log line, even if a server echoes it back in an error message. */
function scrub(error: unknown, id: string): unknown {
  if (error instanceof Error && error.message.includes(id)) {
    const clean = (text: string) => text.split(id).join('<user>');
    if (!(error instanceof StoreError)) return new StoreUnavailableError(clean(error.message));
    error.message = clean(error.message);
    if (error.stack) error.stack = clean(error.stack);
    return error;
  }
  return error;
}
