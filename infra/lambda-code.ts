import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType } from 'aws-cdk-lib';
import { Code, Runtime } from 'aws-cdk-lib/aws-lambda';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A function's code: the bundle tools/build.mts makes (infra/bundling.ts's settings and the skill's esbuild
 * plugins, which the esbuild command line of NodejsFunction cannot run). Built locally by
 * `tsx tools/build.mts <asset dir> [flags]`; Docker (the Lambda Node 22 build image) only where local bundling is
 * impossible. Stacks excluded from bundling ('aws:cdk:bundling-stacks') skip both.
 * @param flags after the output folder: none for the skill (src/index.ts), `--audio` for the stream function
 */
export function bundledCode(flags: readonly string[] = []): Code {
  const build = (outdir: string) => ['--import', 'tsx', 'tools/build.mts', outdir, ...flags];
  return Code.fromAsset(root, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: Runtime.NODEJS_22_X.bundlingImage,
      // Only where local bundling cannot run (tryBundle returns false): a copy, so the mounted checkout keeps its node_modules.
      command: ['bash', '-c', ['cp -r /asset-input /tmp/src', 'cd /tmp/src', 'rm -rf node_modules', 'npm ci --no-audit --no-fund', `node ${build('/asset-output').join(' ')}`].join(' && ')],
      local: {
        tryBundle(outputDir: string): boolean {
          if (!existsSync(join(root, 'node_modules', 'tsx'))) return false; // not installed here: Docker builds it
          const env = { ...process.env };
          delete env.NODE_OPTIONS; // a test runner's loader hooks are not part of the build
          execFileSync(process.execPath, build(outputDir), { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
          return true;
        },
      },
    },
  });
}
