/** src/index.ts exports the step-stream handler as `audio` beside the skill's `handler` (the stack deploys it apart). */
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as entry from '../../src/index.js';
import { withEnv } from '../support/env.js';

const event = (path: string) => ({
  version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: 'exp=1&sig=bad', headers: { host: 'example.lambda-url.us-east-1.on.aws' },
  requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'test' } }, isBase64Encoded: false,
}) as unknown as LambdaFunctionURLEvent;

describe('the Lambda entry', () => {
  it('exports the skill handler and the stream handler; the stream refuses an unsigned URL with 403', async () => {
    expect(typeof entry.handler).toBe('function');
    const res = await withEnv({ AUDIO_URL_KEY: 'k'.repeat(32) }, () => entry.audio(event('/s/ankle/0.mp3'))) as Exclude<LambdaFunctionURLResult, string>;
    expect(res.statusCode).toBe(403);
  });
});
