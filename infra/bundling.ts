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
  /** The Node 22 runtime ships AWS SDK v3; the skill loads it lazily, only when a table is configured. */
  externalModules: ['@aws-sdk/*'],
} as const;
