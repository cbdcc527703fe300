import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { AttributeValue } from './attribute-value.js';
import type { Credentials, DynamoJsonClient, Operation } from './dynamo-http.js';
import { monotonicMs } from './clock.js';
import { StoreError, StoreUnavailableError } from './errors.js';

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

/** The user id Alexa sends; the item's partition key (as the official adapter's default key generator). Never log it. */
export function userIdOf(envelope: RequestEnvelope): string {
  const id = envelope.context?.System?.user?.userId ?? envelope.session?.user?.userId;
  if (!id) throw new Error('request has no user id');
  return id;
}

type Codec = typeof import('./attribute-value.js');
interface Loaded { readonly client: DynamoJsonClient; readonly codec: Codec }

/**
 * ask-sdk PersistenceAdapter over DynamoDB's JSON protocol (our SigV4 + node:https, see dynamo-http.ts),
 * keeping the official adapter's item shape `{ id: <userId>, attributes: {...} }`. The client,
 * signing and the first connection happen on the first store call, so requests that never touch
 * the store load none of it. Every method throws a StoreError on failure (see errors.ts).
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
  private async call(envelope: RequestEnvelope, operation: Operation, input: (codec: Codec, id: string) => Record<string, unknown>): Promise<{ out: Record<string, unknown>; codec: Codec }> {
    const id = userIdOf(envelope);
    const requestId = envelope.request?.requestId;
    const budgetMs = this.options.turnBudgetMs ?? STORE_TURN_BUDGET_MS;
    if (requestId && this.turn?.requestId !== requestId) this.turn = { requestId, spentMs: 0 };
    const turn = requestId ? this.turn : undefined;
    /** Start of this call, on the client's clock (monotonicMs). */
    const startMs = monotonicMs();
    try {
      const { client, codec } = await this.load();
      const body = { TableName: this.options.tableName, ...input(codec, id) };
      const out = await client.call(operation, body, startMs + budgetMs - (turn?.spentMs ?? 0));
      return { out, codec };
    } catch (error) {
      throw scrub(error, id);
    } finally {
      if (turn) turn.spentMs += monotonicMs() - startMs;
    }
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const { out, codec } = await this.call(envelope, 'GetItem', (_, id) => ({ Key: { id: { S: id } }, ConsistentRead: true }));
    const item = out.Item as Record<string, AttributeValue> | undefined;
    const attributes = item?.attributes;
    if (attributes === undefined) return {};
    const value = codec.unmarshallValue(attributes);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    await this.call(envelope, 'PutItem', (codec, id) => ({ Item: { id: { S: id }, attributes: { M: codec.marshallRecord(attributes) } } }));
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    await this.call(envelope, 'DeleteItem', (_, id) => ({ Key: { id: { S: id } } }));
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
