/**
 * Bench candidate "aws-lite": `@aws-lite/client` with the `@aws-lite/dynamodb` plugin, bundled into
 * the skill (not external), loaded on the first store call. aws-lite marshals plain values itself.
 */
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RecordStore } from '../../src/alexa/persistence/record-store.js';
import type { RequestEnvelope } from 'ask-sdk-model';
import { STORE_MAX_ATTEMPTS, userIdOf, benchRecords, type DynamoDbAdapterOptions } from './common.js';

export { userIdOf };

interface Dynamo {
  GetItem(input: Record<string, unknown>): Promise<{ Item?: { attributes?: Record<string, unknown> } }>;
  PutItem(input: Record<string, unknown>): Promise<unknown>;
  DeleteItem(input: Record<string, unknown>): Promise<unknown>;
}

export class DynamoDbPersistenceAdapter implements PersistenceAdapter {
  /** The record calls the skill makes, over this client's get and put (bench/candidates/common.ts). */
  records(): RecordStore { return benchRecords(this); }

  private client: Promise<Dynamo> | undefined;

  constructor(private readonly options: DynamoDbAdapterOptions) {}

  private connect(): Promise<Dynamo> {
    this.client ??= (async () => {
      const [{ default: awsLite }, { default: dynamodb }] = await Promise.all([import('@aws-lite/client'), import('@aws-lite/dynamodb')]);
      const endpoint = this.options.endpoint || process.env.AWS_ENDPOINT_URL_DYNAMODB || process.env.AWS_ENDPOINT_URL;
      const aws = await awsLite({
        region: this.options.region ?? process.env.AWS_REGION ?? 'us-east-1',
        plugins: [dynamodb],
        autoloadPlugins: false,
        retries: (this.options.maxAttempts ?? STORE_MAX_ATTEMPTS) - 1,
        ...(endpoint ? { endpoint } : {}),
        ...(this.options.credentials ? { accessKeyId: this.options.credentials.accessKeyId, secretAccessKey: this.options.credentials.secretAccessKey } : {}),
      });
      return (aws as unknown as { DynamoDB: Dynamo }).DynamoDB;
    })();
    return this.client;
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const db = await this.connect();
    const out = await db.GetItem({ TableName: this.options.tableName, Key: { id: userIdOf(envelope) }, ConsistentRead: true });
    return out.Item?.attributes ?? {};
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const db = await this.connect();
    await db.PutItem({ TableName: this.options.tableName, Item: { id: userIdOf(envelope), attributes } });
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const db = await this.connect();
    await db.DeleteItem({ TableName: this.options.tableName, Key: { id: userIdOf(envelope) } });
  }
}
