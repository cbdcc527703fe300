/**
 * Bench candidate "SDK v3, import()": the adapter as shipped before issue 13. AWS SDK v3
 * (`@aws-sdk/client-dynamodb` + `lib-dynamodb`, external as the Node 22 runtime provides it),
 * loaded with a dynamic import() on the first store call.
 */
import { userIdOf, type DynamoDbAdapterOptions } from './common.js';
import { SdkV3Adapter } from './sdk-v3.js';

export { userIdOf };

export class DynamoDbPersistenceAdapter extends SdkV3Adapter {
  constructor(options: DynamoDbAdapterOptions) {
    super(options, () => Promise.all([import('@aws-sdk/client-dynamodb'), import('@aws-sdk/lib-dynamodb')]));
  }
}
