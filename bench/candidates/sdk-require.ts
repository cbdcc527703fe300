/**
 * Bench candidate "SDK v3, require()": as sdk-import.ts, but the SDK is loaded with require()
 * on the first store call, so Node loads its CommonJS files without the ESM loader.
 */
import { userIdOf, type DynamoDbAdapterOptions } from './common.js';
import { SdkV3Adapter, type SdkModules } from './sdk-v3.js';

export { userIdOf };

export class DynamoDbPersistenceAdapter extends SdkV3Adapter {
  constructor(options: DynamoDbAdapterOptions) {
    super(options, async (): Promise<SdkModules> => [
      // The bundle is CommonJS: esbuild keeps these require()s of an external package as they are.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@aws-sdk/client-dynamodb') as typeof import('@aws-sdk/client-dynamodb'),
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('@aws-sdk/lib-dynamodb') as typeof import('@aws-sdk/lib-dynamodb'),
    ]);
  }
}
