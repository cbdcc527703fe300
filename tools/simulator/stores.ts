/**
 * The local stores of the simulator and the tests, with the same item shape as the table, and
 * `createPersistenceAdapter` to pick one of them or DynamoDB. Not part of the Lambda bundle.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { DynamoDbPersistenceAdapter, userIdOf, type DynamoDbAdapterOptions } from '../../src/alexa/persistence/dynamodb-adapter.js';

type Items = Record<string, { id: string; attributes: Record<string, unknown> }>;

/** In memory, for tests and the simulator. Same item shape as the table. */
export class MemoryPersistenceAdapter implements PersistenceAdapter {
  readonly items: Items = {};

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    return structuredClone(this.items[userIdOf(envelope)]?.attributes ?? {});
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const id = userIdOf(envelope);
    this.items[id] = { id, attributes: structuredClone(attributes) };
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    delete this.items[userIdOf(envelope)];
  }
}

/** A JSON file (items keyed by user id), so `npm start` remembers progress between runs without AWS. */
export class FilePersistenceAdapter implements PersistenceAdapter {
  constructor(private readonly path: string) {}

  private read(): Items {
    return existsSync(this.path) ? (JSON.parse(readFileSync(this.path, 'utf8')) as Items) : {};
  }

  /** Written aside and renamed, so a run stopped mid-write leaves the old file whole. */
  private write(items: Items): void {
    writeFileSync(`${this.path}.tmp`, JSON.stringify(items, null, 2));
    renameSync(`${this.path}.tmp`, this.path);
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    return this.read()[userIdOf(envelope)]?.attributes ?? {};
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const items = this.read();
    const id = userIdOf(envelope);
    items[id] = { id, attributes };
    this.write(items);
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const items = this.read();
    delete items[userIdOf(envelope)];
    this.write(items);
  }
}

export type PersistenceOptions =
  | { readonly kind: 'memory' }
  | { readonly kind: 'file'; readonly path: string }
  | ({ readonly kind: 'dynamodb' } & DynamoDbAdapterOptions);

/** One of the three stores: in memory (tests), a JSON file (`npm start` across runs), or DynamoDB. */
export function createPersistenceAdapter(opts: PersistenceOptions): PersistenceAdapter {
  switch (opts.kind) {
    case 'memory': return new MemoryPersistenceAdapter();
    case 'file': return new FilePersistenceAdapter(opts.path);
    case 'dynamodb': {
      const { kind: _kind, ...options } = opts;
      return new DynamoDbPersistenceAdapter(options);
    }
  }
}
