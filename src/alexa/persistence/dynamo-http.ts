/**
 * A small DynamoDB client: the JSON protocol (`X-Amz-Target: DynamoDB_20120810.<Operation>`) over
 * `node:https` (or `node:http` for a local server) with a keep-alive agent, signed with SigV4 (./sigv4.ts).
 * Loaded by the adapter on its first store call only (a dynamic import), so a request that never
 * touches the store never loads this module, the signer or node:https; the transport module itself is
 * loaded on the first call to an endpoint of its protocol.
 *
 * Reliability: each attempt has one timer covering connect, request and the whole answer; a failed
 * attempt is retried once after a short random pause when it may work next time (no connection or no
 * answer in time, 5xx, throttling, an unreadable answer); a refused request (any other 4xx) is not.
 * Every call also has a deadline from the caller, so that a turn spends a bounded time on the store.
 */
import type { Agent, IncomingMessage, RequestOptions } from 'node:http';
import type * as Https from 'node:https';
import { StoreRejectedError, StoreUnavailableError } from './errors.js';
import { monotonicMs } from './clock.js';
import { signDynamoRequest } from './sigv4.js';

export type Operation = 'GetItem' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'CreateTable' | 'DescribeTable';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface DynamoClientOptions {
  /** A DynamoDB-compatible endpoint; otherwise AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL, then the regional endpoint. */
  readonly endpoint?: string;
  /** @default env.AWS_REGION ?? 'us-east-1' */
  readonly region?: string;
  /** Otherwise AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, as Lambda sets them. */
  readonly credentials?: Credentials;
  /** Time allowed for one attempt, from connecting to the last byte of the answer, in ms. */
  readonly attemptTimeoutMs: number;
  /** Attempts per call, the first one included. */
  readonly maxAttempts: number;
  /** Where endpoint, region and credentials are read, on every call. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** DynamoDB error types that mean "too many requests": retried like a 5xx. */
const THROTTLING = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);
/** Shortest pause before a retry, in ms. */
const RETRY_JITTER_MIN_MS = 20;
/** Longest pause before a retry, in ms (random in between: "jitter", so clients do not retry in step). */
const RETRY_JITTER_MAX_MS = 100;
/** An attempt with less time than this left before the deadline is not started, in ms. */
const MIN_ATTEMPT_MS = 50;

interface Transport { readonly request: (options: RequestOptions) => ReturnType<typeof Https.request>; readonly agent: Agent }
const transports: Partial<Record<'http:' | 'https:', Transport>> = {};

/**
 * node:https (or node:http for a local server) and its keep-alive agent, loaded on the first call
 * that needs it: TLS is not loaded for a loopback endpoint, nor http for the regional one.
 */
function transport(protocol: 'http:' | 'https:'): Transport {
  return transports[protocol] ??= (() => {
    const mod = process.getBuiltinModule(protocol === 'https:' ? 'node:https' : 'node:http') as typeof Https;
    return { request: mod.request, agent: new mod.Agent({ keepAlive: true, maxSockets: 8 }) };
  })();
}

interface Answer { readonly status: number; readonly body: string }

/** The part of an attempt's failure that decides what happens next. */
interface Failure { readonly error: StoreUnavailableError | StoreRejectedError; readonly retry: boolean }

const now = monotonicMs;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The endpoint a call goes to: the option, then AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL, else the regional endpoint. */
export function endpointOf(options: Pick<DynamoClientOptions, 'endpoint'>, env: NodeJS.ProcessEnv, region: string): URL {
  const raw = options.endpoint || env.AWS_ENDPOINT_URL_DYNAMODB || env.AWS_ENDPOINT_URL || `https://dynamodb.${region}.amazonaws.com`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new StoreRejectedError('the DynamoDB endpoint is not a URL', 0, 'ConfigError');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new StoreRejectedError(`the DynamoDB endpoint must be http: or https:, not ${url.protocol}`, 0, 'ConfigError');
  // The signer writes the path as it is (./sigv4.ts): DynamoDB's is `/`, and a proxy's must need no encoding.
  if (!/^\/[A-Za-z0-9\-._~/]*$/.test(url.pathname) || url.search) throw new StoreRejectedError('the DynamoDB endpoint may have a plain path but no query', 0, 'ConfigError');
  return url;
}

/** Credentials as Lambda sets them in the environment, if any (the store's and the audio path's). */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Credentials | undefined {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : undefined;
}

function credentialsOf(options: DynamoClientOptions, env: NodeJS.ProcessEnv): Credentials {
  const credentials = options.credentials ?? credentialsFromEnv(env);
  if (!credentials) throw new StoreRejectedError('no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set', 0, 'ConfigError');
  return credentials;
}

/** One HTTP exchange, bounded by one timer of `timeoutMs` from start to the last byte. */
function send(url: URL, headers: Record<string, string | number>, body: string, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const https = url.protocol === 'https:';
    const { request, agent } = transport(https ? 'https:' : 'http:');
    const req = request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port || (https ? 443 : 80),
      path: url.pathname || '/',
      method: 'POST',
      headers,
      agent,
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
    const fail = (error: Error) => { clearTimeout(timer); reject(error); };
    req.on('error', fail);
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('close', () => { if (!res.complete) fail(new Error('answer cut off')); });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.end(body);
  });
}

/** DynamoDB's error body: `{"__type":"com.amazonaws.dynamodb.v20120810#ValidationException","message":"..."}`. */
function errorOf(body: string): { code: string; message: string } {
  try {
    const parsed = JSON.parse(body) as { __type?: unknown; message?: unknown; Message?: unknown };
    const type = typeof parsed.__type === 'string' ? parsed.__type : '';
    const message = typeof parsed.message === 'string' ? parsed.message : typeof parsed.Message === 'string' ? parsed.Message : '';
    return { code: type.slice(type.lastIndexOf('#') + 1) || 'UnknownError', message: message.slice(0, 200) };
  } catch {
    return { code: 'UnknownError', message: body.slice(0, 80) };
  }
}

function classify(operation: Operation, answer: Answer): Record<string, unknown> | Failure {
  const { status } = answer;
  if (status >= 200 && status < 300) {
    try {
      const parsed = JSON.parse(answer.body || '{}') as unknown;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through
    }
    return { error: new StoreUnavailableError(`${operation}: the store's answer is not a JSON object`, { status }), retry: true };
  }
  const { code, message } = errorOf(answer.body);
  const text = `${operation}: ${status} ${code}${message ? `: ${message}` : ''}`;
  if (THROTTLING.has(code)) return { error: new StoreUnavailableError(text, { status, code }), retry: true };
  if (status >= 500) return { error: new StoreUnavailableError(text, { status, code }), retry: true };
  if (status >= 400) return { error: new StoreRejectedError(text, status, code), retry: false };
  return { error: new StoreUnavailableError(text, { status, code }), retry: true };
}

const isFailure = (x: Record<string, unknown> | Failure): x is Failure => x.error instanceof Error && typeof x.retry === 'boolean';

export class DynamoJsonClient {
  constructor(private readonly options: DynamoClientOptions) {}

  /**
   * Calls one DynamoDB operation and returns its JSON answer. Throws StoreUnavailableError or StoreRejectedError.
   * @param deadlineMs the {@link monotonicMs} time by which the call must be over, retries included
   */
  async call(operation: Operation, input: Readonly<Record<string, unknown>>, deadlineMs = Number.POSITIVE_INFINITY): Promise<Record<string, unknown>> {
    const env = this.options.env ?? process.env;
    const region = this.options.region || env.AWS_REGION || 'us-east-1';
    const url = endpointOf(this.options, env, region);
    const credentials = credentialsOf(this.options, env);
    const body = JSON.stringify(input);
    let last: Failure | undefined;
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt += 1) {
      if (attempt > 1) {
        const pauseMs = RETRY_JITTER_MIN_MS + Math.random() * (RETRY_JITTER_MAX_MS - RETRY_JITTER_MIN_MS);
        if (deadlineMs - now() - pauseMs < MIN_ATTEMPT_MS) break;
        await sleep(pauseMs);
      }
      /** This attempt's share of the time left, in ms. */
      const timeoutMs = Math.min(this.options.attemptTimeoutMs, Math.floor(deadlineMs - now()));
      if (timeoutMs < MIN_ATTEMPT_MS) break;
      // Signed per attempt: the signature covers X-Amz-Date.
      const headers = signDynamoRequest({
        host: url.host, path: url.pathname || '/', region, target: `DynamoDB_20120810.${operation}`, body, credentials, nowMs: Date.now(),
      });
      let answer: Answer;
      try {
        answer = await send(url, headers, body, timeoutMs);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        last = { error: new StoreUnavailableError(`${operation}: ${code ?? 'network error'}: ${(error as Error).message}`.slice(0, 300), { cause: error }), retry: true };
        continue;
      }
      const result = classify(operation, answer);
      if (!isFailure(result)) return result;
      last = result;
      if (!result.retry) break;
    }
    throw last?.error ?? new StoreUnavailableError(`${operation}: no time left for the store in this turn`);
  }
}
