/**
 * The one definition of how src/index.ts is bundled for Lambda.
 * Used by the CDK stack (NodejsFunction bundling) and by tools/build.ts and the benchmark,
 * so that what we measure and test is what Lambda runs.
 */
export const LAMBDA_BUNDLE = {
  entry: 'src/index.ts',
  /** Lambda runtime is Node.js 22. */
  target: 'node22',
  format: 'cjs',
  minify: true,
  sourceMap: true,
  /**
   * Nothing is left to the runtime: the store client (aws4 + node:https, src/alexa/persistence) is
   * bundled and the AWS SDK is not used, so the zip is one self-contained file (tests/infra/bundle.test.ts).
   */
  externalModules: [] as readonly string[],
} as const;
