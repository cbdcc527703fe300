/**
 * Builds the Lambda bundle exactly as the CDK stack does (infra/bundling.ts): `npm run build`.
 * Also used by the artifact tests and the benchmark.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { AUDIO_BUNDLE, LAMBDA_BUNDLE } from '../infra/bundling.js';
import { SKILL_PLUGINS } from './bundle-plugins.js';

export interface BuiltBundle {
  readonly file: string;
  /** The bundle's source map, outside the output directory (so never in the Lambda asset). */
  readonly sourceMap: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly metafile: Metafile;
}

export interface BuildOptions {
  /** esbuild plugins; the skill's own (tools/bundle-plugins.ts) by default for src/index.ts, none for another entry. */
  readonly plugins?: readonly Plugin[];
  /** Writes `{ "type": "commonjs" }` beside the bundle, for running it inside this "type": "module" repository (default). */
  readonly packageJson?: boolean;
  /** Where index.js.map goes. @default `sourcemaps/` beside `outdir` (dist/lambda → dist/sourcemaps) */
  readonly sourceMapDir?: string;
}

/** Bundles an entry with the Lambda settings into `outdir/index.js`, marked CommonJS for Node; its map goes beside `outdir`. */
export async function buildLambdaBundle(entry: string = LAMBDA_BUNDLE.entry, outdir = 'dist/lambda', options: BuildOptions = {}): Promise<BuiltBundle> {
  const plugins = options.plugins ?? (entry === LAMBDA_BUNDLE.entry || entry === AUDIO_BUNDLE.entry ? SKILL_PLUGINS : []);
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, 'index.js');
  const result = await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: LAMBDA_BUNDLE.target,
    format: LAMBDA_BUNDLE.format,
    minify: LAMBDA_BUNDLE.minify,
    sourcemap: LAMBDA_BUNDLE.sourceMap,
    external: [...LAMBDA_BUNDLE.externalModules],
    metafile: true,
    logLevel: 'warning',
    plugins: [...plugins],
  });
  // The repository is "type": "module"; the bundle is CommonJS, as Lambda loads it.
  if (options.packageJson !== false) writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
  // The map leaves the output directory, which CDK zips as the function's code (infra/skill-stack.ts).
  const mapDir = options.sourceMapDir ?? join(dirname(resolve(outdir)), 'sourcemaps');
  mkdirSync(mapDir, { recursive: true });
  const sourceMap = join(mapDir, 'index.js.map');
  renameSync(`${file}.map`, sourceMap);
  const code = readFileSync(file);
  return { file: resolve(file), sourceMap, bytes: code.length, gzipBytes: gzipSync(code).length, metafile: result.metafile };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // `tsx tools/build.mts [outdir] [--audio]`: the CDK stack's local bundling passes its asset directory (no package.json there).
  const audio = process.argv.includes('--audio');
  const outdir = process.argv.slice(2).find((a) => a !== '--audio');
  const out = await buildLambdaBundle(audio ? AUDIO_BUNDLE.entry : LAMBDA_BUNDLE.entry, outdir ?? (audio ? 'dist/audio-lambda' : 'dist/lambda'), { packageJson: outdir === undefined });
  console.log(`${out.file}: ${(out.bytes / 1024).toFixed(1)} KiB, ${(out.gzipBytes / 1024).toFixed(1)} KiB gzipped; source map ${out.sourceMap}`);
}
