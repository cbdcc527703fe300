/**
 * The user's item as the store session (../store-session.ts) sees it, and the three calls every store
 * offers: read the item, write the state if the item is still as read, erase (leave a tombstone).
 * Implemented for DynamoDB (./dynamodb-adapter.ts) and the simulator's memory and file stores
 * (tools/simulator/stores.ts). No ask-sdk here.
 *
 * Item shapes, keyed by `id` (the Alexa user id):
 * - a record: `{ id, rev, attributes: { state, ...kept as they are }, erasedAt?, ...kept as they are }`.
 *   `rev` changes on every write; `erasedAt` (epoch s) names the erasure this record was begun after;
 * - a tombstone: `{ id, deletedAt, expiresAt }` (epoch s; the table's TTL attribute is `expiresAt`),
 *   holding no user data.
 * An item written by the code before revisions is a record without `rev`.
 */

import { isObject } from '../../core/state-parse.js';

export interface Tombstone {
  /** When the user erased their data, in epoch seconds. */
  readonly deletedAtS: number;
  /** When the table's TTL may remove the tombstone, in epoch seconds. */
  readonly expiresAtS: number;
}

export type Found =
  | { readonly kind: 'none' }
  | ({ readonly kind: 'tombstone' } & Tombstone)
  | {
      readonly kind: 'record';
      /** Absent on an item written before revisions. */
      readonly rev?: number;
      /** The erasure this record was begun after (epoch s), if any. */
      readonly erasedAtS?: number;
      /**
       * `attributes.state` as stored, of any version (undefined when absent). Parts of it the store cannot
       * decode are left out, so that the rest is read field by field and the item can be saved again.
       */
      readonly state: unknown;
      /** `attributes` is a map (else a write replaces it whole, as it holds nothing readable). */
      readonly mapped: boolean;
    };

/** What a write requires the item to be: as it was read. */
export type Expect =
  | { readonly kind: 'none' }
  | { readonly kind: 'tombstone'; readonly deletedAtS: number }
  | { readonly kind: 'record'; readonly rev?: number; readonly mapped: boolean };

export interface RecordStore {
  /** The user's item. Throws a StoreError (../persistence/errors.ts) when the store fails. */
  read(userId: string): Promise<Found>;
  /**
   * Sets `attributes.state` and `rev` if the item is still as `expect` says, keeping every other attribute
   * of the item and of `attributes`; over a tombstone (or nothing) it begins a new record, with `erasedAt`
   * set to the tombstone's `deletedAt`. Resolves false when the item changed meanwhile (nothing written).
   */
  write(userId: string, state: Readonly<Record<string, unknown>>, rev: number, expect: Expect): Promise<boolean>;
  /** Replaces the item with a tombstone, whatever it was. */
  erase(userId: string, tombstone: Tombstone): Promise<void>;
}

/** Whether an item (a plain object) is what `expect` says it is: one rule for the local stores. */
export function itemMatches(item: Readonly<Record<string, unknown>> | undefined, expect: Expect): boolean {
  switch (expect.kind) {
    case 'none': return item === undefined;
    case 'tombstone': return item !== undefined && item.deletedAt === expect.deletedAtS;
    case 'record':
      if (item === undefined || item.deletedAt !== undefined || !('attributes' in item)) return false;
      return expect.rev === undefined ? item.rev === undefined : item.rev === expect.rev;
  }
}


/** A plain item (the local stores' shape) as found. */
export function foundOf(item: Readonly<Record<string, unknown>> | undefined): Found {
  if (item === undefined) return { kind: 'none' };
  if (typeof item.deletedAt === 'number') return { kind: 'tombstone', deletedAtS: item.deletedAt, expiresAtS: typeof item.expiresAt === 'number' ? item.expiresAt : item.deletedAt };
  const attributes = item.attributes;
  return {
    kind: 'record',
    ...(typeof item.rev === 'number' ? { rev: item.rev } : {}),
    ...(typeof item.erasedAt === 'number' ? { erasedAtS: item.erasedAt } : {}),
    state: isObject(attributes) ? attributes.state : undefined,
    mapped: isObject(attributes),
  };
}

/** The plain item after a write that matched: state and rev set, everything else kept. */
export function writtenItem(id: string, item: Readonly<Record<string, unknown>> | undefined, state: unknown, rev: number, expect: Expect): Record<string, unknown> {
  if (expect.kind !== 'record' || item === undefined) {
    return { id, rev, attributes: { state }, ...(expect.kind === 'tombstone' ? { erasedAt: expect.deletedAtS } : {}) };
  }
  const attributes = isObject(item.attributes) ? { ...item.attributes, state } : { state };
  return { ...item, id, rev, attributes };
}
