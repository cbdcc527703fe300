import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoDbAdapterOptions {
  readonly tableName: string;
  /** Defaults to AWS_ENDPOINT_URL when set (a local DynamoDB-compatible server), else the regional endpoint. */
  readonly endpoint?: string;
  /** Defaults to AWS_REGION, else us-east-1. */
  readonly region?: string;
  /** Explicit credentials (tests against a local server); otherwise the default provider chain. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Per-attempt connection and request timeout, in ms. An Alexa turn has ~8 s in all. */
  readonly timeoutMs?: number;
  /** Attempts per call, retries included. */
  readonly maxAttempts?: number;
}

/** The user id Alexa sends; the item's partition key (same as the official adapter's default). */
export function userIdOf(envelope: RequestEnvelope): string {
  const id = envelope.context?.System?.user?.userId ?? envelope.session?.user?.userId;
  if (!id) throw new Error('request has no user id');
  return id;
}

/**
 * ask-sdk PersistenceAdapter over AWS SDK v3, keeping the official adapter's item shape
 * `{ id: <userId>, attributes: {...} }`. The SDK is imported on first use, so requests that
 * never touch the store never load it (cold starts stay small).
 */
export class DynamoDbPersistenceAdapter implements PersistenceAdapter {
  private client: Promise<{ doc: DynamoDBDocumentClient; lib: typeof import('@aws-sdk/lib-dynamodb') }> | undefined;

  constructor(private readonly options: DynamoDbAdapterOptions) {}

  private async connect() {
    this.client ??= (async () => {
      const [{ DynamoDBClient }, lib] = await Promise.all([import('@aws-sdk/client-dynamodb'), import('@aws-sdk/lib-dynamodb')]);
      const timeout = this.options.timeoutMs ?? 1_500;
      const endpoint = this.options.endpoint ?? process.env.AWS_ENDPOINT_URL;
      const base = new DynamoDBClient({
        region: this.options.region ?? process.env.AWS_REGION ?? 'us-east-1',
        maxAttempts: this.options.maxAttempts ?? 2,
        requestHandler: { connectionTimeout: timeout, requestTimeout: timeout, throwOnRequestTimeout: true },
        ...(endpoint ? { endpoint } : {}),
        ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
      });
      return { doc: lib.DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } }), lib };
    })();
    try {
      return await this.client;
    } catch (error) {
      this.client = undefined;
      throw error;
    }
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const { doc, lib } = await this.connect();
    const out = await doc.send(new lib.GetCommand({ TableName: this.options.tableName, Key: { id: userIdOf(envelope) }, ConsistentRead: true }));
    return (out.Item?.attributes as Record<string, unknown> | undefined) ?? {};
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const { doc, lib } = await this.connect();
    await doc.send(new lib.PutCommand({ TableName: this.options.tableName, Item: { id: userIdOf(envelope), attributes } }));
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const { doc, lib } = await this.connect();
    await doc.send(new lib.DeleteCommand({ TableName: this.options.tableName, Key: { id: userIdOf(envelope) } }));
  }
}
