import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import cues from '../../locales/en-US/cues.json';

describe('npm start -- --script (the real simulator process)', () => {
  it('runs the whole ankle routine with every cue and its timed pauses, to the end', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'tools/simulator/cli.mts', '--script', 'tools/simulator/scripts/ankle.txt'], {
      encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    for (const cue of [cues.pressBoth, cues.pressLight, cues.firmer, cues.letGo, cues.pressAgain, cues.circles, cues.keepCircling, cues.tenSecondsLeft, cues.switchFoot, cues.release]) {
      expect(out, cue).toContain(cue);
    }
    expect(out).toMatch(/\[pause \d+(\.\d)?s\] Ten seconds left\./);
    expect(out).toContain("That's the end of the ankle routine.");
    expect(out.trim().endsWith('(session ended)')).toBe(true);
  }, 60_000);
});
