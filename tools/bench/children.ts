/**
 * Fresh `node` processes running tools/bench/child.cjs on a bundle: one per cold measurement, one per
 * warm series, one per sanity script. Asynchronous, so the store served by the parent keeps answering.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_SKILL_ID, type BenchEnvelope } from './envelopes.js';

export interface Step { readonly kind: string; readonly envelope: BenchEnvelope; readonly from?: number }
export type ChildResult = Record<string, unknown> & { maxRssKb: number };
export type Outcome = { ok: true; result: ChildResult; stderr: string } | { ok: false; error: string; stderr: string };

export interface ChildOptions {
  /** Node binary. @default process.execPath */
  readonly node?: string;
  /** Extra environment (store variables). */
  readonly env?: Readonly<Record<string, string>>;
  /** NODE_OPTIONS for the child; '' for none. */
  readonly nodeOptions: string;
  /** Warm mode: timed requests. */
  readonly iterations?: number;
  /** Warm mode: untimed requests first. @default 500 (the child's) */
  readonly warmup?: number;
}

const CHILD = resolve('tools/bench/child.cjs');
/** A child that takes longer than this is killed, in ms. */
const CHILD_TIMEOUT_MS = 120_000;

/** Writes inputs and results under one directory. */
export class Children {
  private count = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Writes a step list once, for many children to read. */
  input(name: string, steps: readonly Step[]): string {
    const file = join(this.dir, `${name.replace(/\W+/g, '-')}-${(this.count += 1)}.json`);
    writeFileSync(file, JSON.stringify(steps));
    return file;
  }

  run(mode: 'cold' | 'warm' | 'script', bundle: string, input: string, opts: ChildOptions): Promise<Outcome> {
    const resultFile = join(this.dir, `result-${(this.count += 1)}.json`);
    return new Promise((done) => {
      const p = spawn(opts.node ?? process.execPath, [CHILD, mode, bundle, input, resultFile, String(opts.iterations ?? 0), ...(opts.warmup !== undefined ? [String(opts.warmup)] : [])], {
        env: {
          PATH: process.env.PATH ?? '',
          SKILL_ID: BENCH_SKILL_ID,
          // The Node 22 runtime would not print this; on Node 20 it costs the SDK candidates a stderr stream.
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...(opts.nodeOptions ? { NODE_OPTIONS: opts.nodeOptions } : {}),
          ...opts.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: CHILD_TIMEOUT_MS,
      });
      let stderr = '';
      p.stdout.resume(); // the skill's log lines, as Lambda would ship them; drained, not kept
      p.stderr.on('data', (d: Buffer) => { if (stderr.length < 200_000) stderr += d.toString(); });
      p.on('error', (e) => done({ ok: false, error: e.message, stderr }));
      p.on('close', (code, signal) => {
        try {
          if (code !== 0) throw new Error(`exit ${code ?? signal}`);
          done({ ok: true, result: JSON.parse(readFileSync(resultFile, 'utf8')) as ChildResult, stderr });
        } catch (e) {
          done({ ok: false, error: `${(e as Error).message}: ${stderr.trim().split('\n').slice(-6).join(' | ').slice(0, 600)}`, stderr });
        }
      });
    });
  }
}

/** Lines of a child's stderr that are errors: a logged error line or a thrown error. */
export const errorLines = (text: string): string[] => text.split('\n').filter((l) => /"level":"error"/.test(l) || /^\s*(\w*Error|Error)\b/.test(l));
