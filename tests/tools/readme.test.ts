/** The README's sample conversation is what the skill really says: every piece of it, in the script's real output. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');
  const script = /npm start -- --script (\S+)`/.exec(readme.slice(readme.indexOf('## A sample conversation')))?.[1] as string;
  const sample = readme.slice(readme.indexOf('## A sample conversation')).split('```')[1] ?? '';

  it('quotes the script it names, line for line, and every answer as the skill says it', () => {
    expect(script).toBeTruthy();
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'tools/simulator/cli.mts', '--script', script], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
    const said = out.split('\n').filter((l) => l.startsWith('U: ') || l.startsWith('A: '));
    const quoted = sample.split('\n').filter((l) => l.startsWith('U: ') || l.startsWith('A: '));
    expect(quoted.length).toBeGreaterThan(6);
    expect(quoted.filter((l) => l.startsWith('U: '))).toEqual(said.filter((l) => l.startsWith('U: ')));
    const answers = said.filter((l) => l.startsWith('A: '));
    quoted.filter((l) => l.startsWith('A: ')).forEach((line, i) => {
      for (const piece of line.slice(3).split('…').map((p) => p.trim()).filter((p) => p.length > 3)) expect(answers[i], piece).toContain(piece);
    });
  });

  it('names only npm scripts and files that exist', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const m of readme.matchAll(/npm run (\w+)/g)) expect(pkg.scripts, m[1]).toHaveProperty(m[1] as string);
    for (const m of readme.matchAll(/`((?:tools|scripts|docs|src|tests|locales|infra|skill-package)\/[\w./-]+)`/g)) {
      const path = (m[1] as string).replace(/\/\*.*$/, '').replace(/\*.*$/, '');
      expect(() => readFileSync(path.endsWith('/') ? `${path}.` : path), path).not.toThrow(/ENOENT/);
    }
  });
});
