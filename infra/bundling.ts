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
   * JSON is esbuild's default JSON module. The words of every locale are imported with the `type: 'text'`
   * attribute instead (src/alexa/i18n.ts): bundled as string literals and parsed on the first request in
   * that locale, since a string costs a cold start far less to scan than the same words as object
   * literals, whatever its locale (docs/performance.md). A global `.json` text loader also turned
   * ask-sdk-core's package.json into a string: the user agent said `ask-node/undefined`.
   */
  /**
   * src/alexa/i18n.ts reads `import.meta.url` only when run from source by Node's own loader, never in the
   * CommonJS bundle, where esbuild empties it: that warning is expected and silenced (only that one).
   */
  logOverride: { 'empty-import-meta': 'silent' } as Readonly<Record<string, 'silent'>>,
  /**
   * NODE_OPTIONS of the function: none. --enable-source-maps cost ~10 % of a cold start (measured), and our
   * logs carry error names and messages, never stacks; the .map file stays in the zip for debugging by hand.
   */
  nodeOptions: '',
} as const;
