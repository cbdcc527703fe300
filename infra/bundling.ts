/**
 * The one definition of how src/index.ts is bundled for Lambda: these esbuild settings, plus the skill's
 * own plugins (tools/bundle-plugins.ts), applied by one function, tools/build.mts. The CDK stack bundles by
 * running that script (infra/skill-stack.ts), and so do the artifact tests and the benchmark, so that what we
 * measure and test is what Lambda runs.
 */
export const LAMBDA_BUNDLE = {
  entry: 'src/index.ts',
  /** Lambda runtime is Node.js 22. */
  target: 'node22',
  format: 'cjs',
  minify: true,
  /**
   * A source map is made, without a `sourceMappingURL` comment, and kept beside the build, never in the asset
   * (tools/build.mts moves it to `sourcemaps/` next to the output directory): the zip held 586 KB of map with the
   * full source text of 77 files, readable by anyone allowed lambda:GetFunction.
   */
  sourceMap: 'external',
  /**
   * Nothing is left to the runtime: the store client (own SigV4 + node:https, src/alexa/persistence) is
   * bundled and the AWS SDK is not used, so the zip is one self-contained file (tests/infra/bundle.test.ts).
   */
  externalModules: [] as readonly string[],
  /**
   * NODE_OPTIONS of the function: none (JSON is esbuild's default JSON module; the locale words are held by the
   * build's own plugin, tools/bundle-plugins.ts). --enable-source-maps cost ~10 % of a cold start (measured), and our
   * logs carry error names and messages, never stacks; the .map file stays beside the build for debugging by hand.
   */
  nodeOptions: '',
} as const;

/**
 * The stream function (src/audio/handler.ts, `index.audio`): its own bundle, with the same settings and the skill's
 * plugins (it speaks the same words), so the skill's bundle is unchanged by it.
 */
export const AUDIO_BUNDLE = { entry: 'src/audio/handler.ts', handler: 'index.audio' } as const;
