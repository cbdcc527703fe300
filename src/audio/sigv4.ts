/**
 * AWS Signature Version 4 for any REST call of the audio path: S3 GetObject from the stream function, Polly
 * SynthesizeSpeech and S3 PutObject/HeadObject from the clip renderer (tools/clips.mts).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 *
 * The canonical request, the signing key and Authorization are the store signer's (`signV4` in
 * src/alexa/persistence/sigv4.ts); this adds what S3 and Polly need. tests/audio/sigv4.test.ts holds these
 * headers equal to aws4's.
 */
import type { Credentials } from '../alexa/persistence/dynamo-http.js';
import { amzDate, sha256Hex, signV4 } from '../alexa/persistence/sigv4.js';

/** The store's credentials type and environment reader: one for every signed call. */
export type AwsCredentials = Credentials;
export { credentialsFromEnv } from '../alexa/persistence/dynamo-http.js';

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

/** The request's headers with X-Amz-Date, the payload hash (S3), the session token, and Authorization. */
export function signAwsRequest(request: AwsRequest): Record<string, string> {
  const datetime = amzDate(request.nowMs);
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
  return signV4({ method: request.method, path: request.path, headers, payloadHash, region: request.region, service: request.service, credentials: request.credentials, datetime });
}

