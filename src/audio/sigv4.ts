/**
 * AWS Signature Version 4 for any REST call of the audio path: S3 GetObject from the stream function, Polly
 * SynthesizeSpeech and S3 PutObject/HeadObject from the clip renderer (tools/clips.mts).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 *
 * The skill's store signer (src/alexa/persistence/sigv4.ts) signs DynamoDB's JSON POSTs only; its date
 * format is shared from there. The hashes are node:crypto's: the stream function is its own Lambda, and
 * its cold path is dominated by reading clips, not by loading crypto. tests/audio/sigv4.test.ts holds these
 * headers equal to aws4's.
 */
import type * as Crypto from 'node:crypto';
import { amzDate } from '../alexa/persistence/sigv4.js';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface AwsRequest {
  readonly method: 'GET' | 'HEAD' | 'PUT' | 'POST';
  /** host[:port], as sent in the Host header. */
  readonly host: string;
  /** The path, already URI-encoded as it goes on the wire (S3 keys and Polly's path need no encoding). */
  readonly path: string;
  readonly service: 's3' | 'polly';
  readonly region: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array | string;
  readonly credentials: AwsCredentials;
  /** The signing time, ms since the epoch. */
  readonly nowMs: number;
}

const crypto = () => process.getBuiltinModule('node:crypto') as typeof Crypto;
const sha256Hex = (data: Uint8Array | string) => crypto().createHash('sha256').update(data).digest('hex');
const hmac = (key: Uint8Array | string, data: string) => crypto().createHmac('sha256', key).update(data).digest();

/** The request's headers with X-Amz-Date, the payload hash (S3), the session token, and Authorization. */
export function signAwsRequest(request: AwsRequest): Record<string, string> {
  const datetime = amzDate(request.nowMs);
  const date = datetime.slice(0, 8);
  const body = request.body ?? '';
  const payloadHash = sha256Hex(body);
  const headers: Record<string, string> = {
    ...request.headers,
    Host: request.host,
    ...(body.length || request.method === 'PUT' || request.method === 'POST' ? { 'Content-Length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.length) } : {}),
    ...(request.service === 's3' ? { 'X-Amz-Content-Sha256': payloadHash } : {}),
    ...(request.credentials.sessionToken ? { 'X-Amz-Security-Token': request.credentials.sessionToken } : {}),
    'X-Amz-Date': datetime,
  };
  const canonical = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const signedHeaders = canonical.map(([name]) => name).join(';');
  const canonicalRequest = [request.method, request.path, '', ...canonical.map(([n, v]) => `${n}:${v}`), '', signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${request.region}/${request.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', datetime, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${request.credentials.secretAccessKey}`, date), request.region), request.service), 'aws4_request');
  const signature = crypto().createHmac('sha256', key).update(stringToSign).digest('hex');
  headers.Authorization = `AWS4-HMAC-SHA256 Credential=${request.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

/** Credentials as Lambda sets them in the environment, if any. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): AwsCredentials | undefined {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : undefined;
}
