/**
 * What a store call can fail with: every RecordStore call throws one of these;
 * these classes let a caller tell a store that is down (try again later, keep the state in the
 * session) from a request the store refused or a value it cannot hold (a bug: retrying will not help).
 * Messages never contain the user id.
 */

/** Base class of every error the DynamoDB adapter throws. */
export class StoreError extends Error {
  /** True when the store could not be reached or did not answer in time: the same call may work later. */
  readonly unavailable: boolean;

  constructor(name: string, message: string, unavailable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = name;
    this.unavailable = unavailable;
  }
}

/** No connection, no answer in time, a 5xx, throttling after the last attempt, or an unreadable answer. */
export class StoreUnavailableError extends StoreError {
  /** HTTP status of the last attempt, when there was an answer. */
  readonly status: number | undefined;
  /** DynamoDB error type of the last attempt (e.g. `ThrottlingException`), when there was one. */
  readonly code: string | undefined;

  constructor(message: string, details: { status?: number; code?: string; cause?: unknown } = {}) {
    super('StoreUnavailableError', message, true, { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
  }
}

/** The store answered and refused the request (validation, missing table, bad credentials): a 4xx that is not throttling. */
export class StoreRejectedError extends StoreError {
  readonly status: number;
  /** DynamoDB error type, e.g. `ValidationException`, `ResourceNotFoundException`. */
  readonly code: string;

  constructor(message: string, status: number, code: string) {
    super('StoreRejectedError', message, false);
    this.status = status;
    this.code = code;
  }
}

/** A value that DynamoDB cannot hold (a function, symbol, bigint, NaN, a cycle…), found before anything was sent. */
export class UnstorableValueError extends StoreError {
  /** Where in the attributes, e.g. `state.prefs.onChange` (attribute names are ours, never user data). */
  readonly path: string;

  constructor(path: string, what: string) {
    super('UnstorableValueError', `cannot store ${what} at ${path || '(root)'}`, false);
    this.path = path;
  }
}

/** True when the store is down or slow, as opposed to a refused request or an unstorable value. */
export function isStoreUnavailable(error: unknown): boolean {
  return error instanceof StoreError && error.unavailable;
}
