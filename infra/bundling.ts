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
  /**
   * JSON (the words of every locale) is bundled as text and parsed on the first request in that locale
   * (src/alexa/i18n.ts): a string literal costs V8 almost nothing to scan on a cold start, where the same
   * words as object literals cost every cold start, whatever its locale (docs/performance.md).
   */
  loader: { '.json': 'text' } as Readonly<Record<string, 'text'>>,
  /**
   * NODE_OPTIONS of the function: none. --enable-source-maps cost ~10 % of a cold start (measured), and our
   * logs carry error names and messages, never stacks; the .map file stays in the zip for debugging by hand.
   */
  nodeOptions: '',
} as const;
