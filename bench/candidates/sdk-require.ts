/**
 * Bench candidate "SDK v3, require()": as sdk-import.ts, but the SDK is loaded with require()
 * on the first store call, so Node loads its CommonJS files without the ESM loader.
 */
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { STORE_MAX_ATTEMPTS, STORE_TIMEOUT_MS, userIdOf, type DynamoDbAdapterOptions } from './common.js';

export { userIdOf };

type Sdk = { readonly doc: DynamoDBDocumentClient; readonly lib: typeof import('@aws-sdk/lib-dynamodb') };

/**
 * ask-sdk PersistenceAdapter over AWS SDK v3, keeping the official adapter's item shape
 * `{ id: <userId>, attributes: {...} }`. The SDK is imported on first use and cached, so requests
 * that never touch the store never load it (cold starts stay small).
 */
export class DynamoDbPersistenceAdapter implements PersistenceAdapter {
  private sdk: Promise<Sdk> | undefined;

  constructor(private readonly options: DynamoDbAdapterOptions) {}

  private async connect(): Promise<Sdk> {
    this.sdk ??= (async () => {
      // The bundle is CommonJS: esbuild keeps this require() of an external package as it is.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { DynamoDBClient } = require('@aws-sdk/client-dynamodb') as typeof import('@aws-sdk/client-dynamodb');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const lib = require('@aws-sdk/lib-dynamodb') as typeof import('@aws-sdk/lib-dynamodb');
      const { endpoint, credentials } = this.options;
      const timeout = this.options.timeoutMs ?? STORE_TIMEOUT_MS;
      const base = new DynamoDBClient({
        region: this.options.region ?? process.env.AWS_REGION ?? 'us-east-1',
        maxAttempts: this.options.maxAttempts ?? STORE_MAX_ATTEMPTS,
        // Options for the SDK's own NodeHttpHandler; without throwOnRequestTimeout a slow request only warns.
        requestHandler: { connectionTimeout: timeout, socketTimeout: timeout, requestTimeout: timeout, throwOnRequestTimeout: true },
        ...(endpoint ? { endpoint } : {}),
        ...(credentials ? { credentials } : {}),
      });
      return { doc: lib.DynamoDBDocumentClient.from(base, { marshallOptions: { removeUndefinedValues: true } }), lib };
    })();
    try {
      return await this.sdk;
    } catch (error) {
      this.sdk = undefined; // try loading again on the next call
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
