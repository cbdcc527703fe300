/**
 * Builds the Lambda bundle exactly as the CDK stack does (infra/bundling.ts): `npm run build`.
 * Also used by the artifact tests and the benchmark.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { LAMBDA_BUNDLE } from '../infra/bundling.js';

export interface BuiltBundle {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly metafile: Metafile;
}

/** Bundles an entry with the Lambda settings into `outdir/index.js` (+ map), marked CommonJS for Node. */
export async function buildLambdaBundle(entry: string = LAMBDA_BUNDLE.entry, outdir = 'dist/lambda'): Promise<BuiltBundle> {
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
    logLevel: 'warning', logOverride: { ...LAMBDA_BUNDLE.logOverride },
  });
  // The repository is "type": "module"; the bundle is CommonJS, as Lambda loads it.
  writeFileSync(join(outdir, 'package.json'), '{ "type": "commonjs" }\n');
  const code = readFileSync(file);
  return { file: resolve(file), bytes: code.length, gzipBytes: gzipSync(code).length, metafile: result.metafile };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = await buildLambdaBundle();
  console.log(`${out.file}: ${(out.bytes / 1024).toFixed(1)} KiB, ${(out.gzipBytes / 1024).toFixed(1)} KiB gzipped`);
}
