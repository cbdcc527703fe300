/**
 * The bundles the bench measures, all with the stack's esbuild settings (infra/bundling.ts):
 * the skill as shipped (tools/build.mts), the skill with each bench candidate swapped in for the
 * store adapter, and the minimal skill with and without a store, and with one bare HTTPS GetItem (the floor).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { LAMBDA_BUNDLE } from '../../infra/bundling.js';
import { buildLambdaBundle, type BuiltBundle } from '../build.mjs';
import { SKILL_PLUGINS } from '../bundle-plugins.js';

export interface Candidate {
  /** Short id used in case names and dist/bench/<id>/. */
  readonly id: string;
  readonly label: string;
  /** The file that replaces src/alexa/persistence/dynamodb-adapter.ts; none for the shipped adapter. */
  readonly adapter?: string;
  /** The file that replaces src/alexa/persistence/sigv4.ts (the shipped client with another signer). */
  readonly signer?: string;
}

/** The store clients measured behind the same PersistenceAdapter; the first is the one that ships. */
export const CANDIDATES: readonly Candidate[] = [
  { id: 'own', label: 'own SigV4, node:crypto (shipped)' },
  { id: 'aws4', label: 'aws4 signing (before)', signer: 'bench/candidates/sigv4-aws4.ts' },
  { id: 'sdk-import', label: 'SDK v3 via import() (before)', adapter: 'bench/candidates/sdk-import.ts' },
  { id: 'sdk-require', label: 'SDK v3 via require()', adapter: 'bench/candidates/sdk-require.ts' },
  { id: 'aws-lite', label: '@aws-lite bundled', adapter: 'bench/candidates/aws-lite.ts' },
];

/** Redirects the persistence index's import of the adapter module to a candidate file. */
export function swapAdapter(adapterFile: string): Plugin {
  return swapImport('bench-swap-adapter', /\/dynamodb-adapter\.js$/, join('src', 'alexa', 'persistence', 'index.ts'), adapterFile);
}

/** Redirects the client's import of the signer to a candidate file. */
export function swapSigner(signerFile: string): Plugin {
  return swapImport('bench-swap-signer', /\/sigv4\.js$/, join('src', 'alexa', 'persistence', 'dynamo-http.ts'), signerFile);
}

function swapImport(name: string, filter: RegExp, importer: string, file: string): Plugin {
  return {
    name,
    setup(b) {
      b.onResolve({ filter }, (args) => (args.importer.endsWith(importer) ? { path: resolve(file) } : undefined));
    },
  };
}

/**
 * As buildLambdaBundle (same settings, same output layout), with `@aws-sdk/*` left to the runtime
 * (the candidates and the minimal skill with a store load the SDK the Node 22 runtime ships), and
 * the store adapter swapped for `adapterFile` when given.
 */
export async function buildVariant(entry: string, outdir: string, adapterFile?: string, signerFile?: string): Promise<BuiltBundle> {
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, 'index.js');
  const result = await build({
    entryPoints: [entry], outfile: file, bundle: true, platform: 'node',
    target: LAMBDA_BUNDLE.target, format: LAMBDA_BUNDLE.format, minify: LAMBDA_BUNDLE.minify, sourcemap: LAMBDA_BUNDLE.sourceMap,
    external: [...LAMBDA_BUNDLE.externalModules, '@aws-sdk/*'],
    metafile: true, logLevel: 'warning',
    // The skill's candidates are the skill as shipped but for the adapter: the same plugins as tools/build.mts.
    plugins: [...(adapterFile ? [swapAdapter(adapterFile)] : []), ...(signerFile ? [swapSigner(signerFile)] : []), ...(entry === LAMBDA_BUNDLE.entry ? SKILL_PLUGINS : [])],
  });
  writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
  const code = readFileSync(file);
  return { file: resolve(file), sourceMap: `${resolve(file)}.map`, bytes: code.length, gzipBytes: gzipSync(code).length, metafile: result.metafile };
}

export interface BenchBundles {
  readonly ours: BuiltBundle;
  readonly minimal: BuiltBundle;
  readonly minimalStore: BuiltBundle;
  /** The minimal skill reading the same item with one bare node:https POST: the floor of a store-reading launch. */
  readonly minimalBareStore: BuiltBundle;
  /** By candidate id; `own` is `ours`. */
  readonly candidates: Readonly<Record<string, BuiltBundle>>;
}

export async function buildBenchBundles(outDir: string): Promise<BenchBundles> {
  const ours = await buildLambdaBundle(LAMBDA_BUNDLE.entry, join(outDir, 'ours'));
  writeFileSync(join(outDir, 'ours', 'meta.json'), JSON.stringify(ours.metafile));
  const minimal = await buildLambdaBundle('bench/fixtures/minimal-skill.ts', join(outDir, 'minimal'));
  const minimalStore = await buildVariant('bench/fixtures/minimal-skill-store.ts', join(outDir, 'minimal-store'));
  const minimalBareStore = await buildLambdaBundle('bench/fixtures/minimal-skill-bare-store.ts', join(outDir, 'minimal-bare-store'));
  const candidates: Record<string, BuiltBundle> = {};
  for (const c of CANDIDATES) candidates[c.id] = c.adapter || c.signer ? await buildVariant(LAMBDA_BUNDLE.entry, join(outDir, c.id), c.adapter, c.signer) : ours;
  return { ours, minimal, minimalStore, minimalBareStore, candidates };
}
