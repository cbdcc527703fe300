/**
 * What the two AWS SDK v3 bench candidates share: the adapter, with the official adapter's item shape
 * `{ id: <userId>, attributes: {...} }`. The SDK is loaded on the first store call and cached, so requests
 * that never touch the store never load it; how it is loaded (import() or require()) is each candidate's
 * own, since that is what they measure.
 */
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RecordStore } from '../../src/alexa/persistence/record-store.js';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { STORE_MAX_ATTEMPTS, STORE_TIMEOUT_MS, userIdOf, benchRecords, type DynamoDbAdapterOptions } from './common.js';

export type SdkModules = readonly [typeof import('@aws-sdk/client-dynamodb'), typeof import('@aws-sdk/lib-dynamodb')];
type Sdk = { readonly doc: DynamoDBDocumentClient; readonly lib: typeof import('@aws-sdk/lib-dynamodb') };

export class SdkV3Adapter implements PersistenceAdapter {
  /** The record calls the skill makes, over this client's get and put (bench/candidates/common.ts). */
  records(): RecordStore { return benchRecords(this); }

  private sdk: Promise<Sdk> | undefined;

  constructor(private readonly options: DynamoDbAdapterOptions, private readonly load: () => Promise<SdkModules>) {}

  private async connect(): Promise<Sdk> {
    this.sdk ??= (async () => {
      const [{ DynamoDBClient }, lib] = await this.load();
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
