/**
 * The local stores of the simulator and the tests, with the same item shape as the table, and
 * `createPersistenceAdapter` to pick one of them or DynamoDB. Not part of the Lambda bundle.
 * Each offers the ask-sdk PersistenceAdapter calls and, through `records()`, the store session's
 * RecordStore (src/alexa/persistence/record-store.ts): conditional writes on `rev`, tombstones, and every
 * other attribute of the item kept, as DynamoDB does it.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { DynamoDbPersistenceAdapter, userIdOf, type DynamoDbAdapterOptions } from '../../src/alexa/persistence/dynamodb-adapter.js';
import { foundOf, itemMatches, writtenItem, type RecordStore } from '../../src/alexa/persistence/record-store.js';

type Item = Record<string, unknown> & { id: string };
type Items = Record<string, Item>;

const attributesOf = (item: Item | undefined): Record<string, unknown> =>
  item && typeof item.attributes === 'object' && item.attributes !== null && item.deletedAt === undefined ? (item.attributes as Record<string, unknown>) : {};

/** The shared logic of the local stores over a read and a write of all items (one at a time, so each call is atomic). */
abstract class LocalStore implements PersistenceAdapter {
  protected abstract read(): Items;
  protected abstract write(items: Items): void;

  /** The store session's view of the items. */
  records(): RecordStore {
    return {
      read: async (id) => foundOf(structuredClone(this.read()[id])),
      write: async (id, state, rev, expect) => {
        const items = this.read();
        if (!itemMatches(items[id], expect)) return false;
        items[id] = writtenItem(id, items[id], structuredClone(state), rev, expect) as Item;
        this.write(items);
        return true;
      },
      erase: async (id, tombstone) => {
        const items = this.read();
        items[id] = { id, deletedAt: tombstone.deletedAtS, expiresAt: tombstone.expiresAtS };
        this.write(items);
      },
    };
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const item = this.read()[userIdOf(envelope)];
    return structuredClone(attributesOf(item));
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const id = userIdOf(envelope);
    const items = this.read();
    items[id] = { id, attributes: structuredClone(attributes) };
    this.write(items);
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    const items = this.read();
    delete items[userIdOf(envelope)];
    this.write(items);
  }
}

/** In memory, for tests and the simulator. Same item shape as the table; hands out copies only. */
export class MemoryPersistenceAdapter extends LocalStore {
  readonly items: Items = {};

  protected read(): Items { return this.items; }
  protected write(): void { /* the items are changed in place */ }
}

/** A JSON file (items keyed by user id), so `npm start` remembers progress between runs without AWS. */
export class FilePersistenceAdapter extends LocalStore {
  constructor(private readonly path: string) { super(); }

  protected read(): Items {
    return existsSync(this.path) ? (JSON.parse(readFileSync(this.path, 'utf8')) as Items) : {};
  }

  /** Written aside and renamed, so a run stopped mid-write leaves the old file whole. */
  protected write(items: Items): void {
    writeFileSync(`${this.path}.tmp`, JSON.stringify(items, null, 2));
    renameSync(`${this.path}.tmp`, this.path);
  }
}

export type PersistenceOptions =
  | { readonly kind: 'memory' }
  | { readonly kind: 'file'; readonly path: string }
  | ({ readonly kind: 'dynamodb' } & DynamoDbAdapterOptions);

/** One of the three stores: in memory (tests), a JSON file (`npm start` across runs), or DynamoDB. */
export function createPersistenceAdapter(opts: PersistenceOptions): PersistenceAdapter & { records(requestId?: string): RecordStore } {
  switch (opts.kind) {
    case 'memory': return new MemoryPersistenceAdapter();
    case 'file': return new FilePersistenceAdapter(opts.path);
    case 'dynamodb': {
      const { kind: _kind, ...options } = opts;
      return new DynamoDbPersistenceAdapter(options);
    }
  }
}
