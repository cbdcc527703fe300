import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import points from '../../locales/en/points.json';
import routines from '../../locales/en/routines.json';
import deCommon from '../../locales/de/common.json';
import dePoints from '../../locales/de/points.json';
import esCommon from '../../locales/es/common.json';
import esPoints from '../../locales/es/points.json';
import frCommon from '../../locales/fr/common.json';
import frPoints from '../../locales/fr/points.json';
import { fill } from '../support/words.js';
import cues from '../../locales/en/cues.json';
import { saysAny, wordings } from '../support/wordings.js';

const SCRIPT = 'tools/simulator/scripts/ankle.txt';

describe('npm start -- --script (the real simulator process)', () => {
  let out = '';
  beforeAll(() => {
    // execFileSync throws on a non-zero exit, which the simulator sets when the skill throws.
    out = execFileSync(process.execPath, ['--import', 'tsx', 'tools/simulator/cli.mts', '--script', SCRIPT], {
      encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' },
    });
  }, 60_000);

  it('echoes every line of the script and answers each, skipping comments', () => {
    const lines = readFileSync(SCRIPT, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const turns = out.split('\n').filter((l) => l.startsWith('U: ') || l.startsWith('A: '));
    expect(turns.filter((l) => l.startsWith('U: '))).toEqual(lines.map((l) => `U: ${l}`));
    turns.forEach((line, i) => expect(line.slice(0, 3), `line ${i}`).toBe(i % 2 === 0 ? 'U: ' : 'A: '));
    expect(out).not.toContain('(the skill failed');
    expect(out).not.toMatch(/<\/?\w+[^>]*>/);
  });

  // Depends on the handlers and the ankle routine's content: it checks the script still walks the whole routine.
  it('runs the whole ankle routine with every cue and its timed pauses, to the end', () => {
    for (const cue of [cues.pressBoth, cues.pressLight, cues.firmer, cues.letGo, cues.pressAgain, cues.circles, cues.keepCircling, cues.tenSecondsLeft, cues.switchFoot, cues.release]) {
      expect(saysAny(out, cue), wordings(cue).join(' | ')).toBe(true);
    }
    expect(out).toMatch(/\[pause \d+(\.\d)?s\] Ten seconds left\./);
    expect(out).toContain("That's the end of the ankle routine.");
    expect(out).toContain(common.notes.resume);
    expect(out.trim().endsWith('(session ended)')).toBe(true);
  });

  it('runs history.txt: a new session a day later, and the count of both days', () => {
    const text = execFileSync(process.execPath, ['--import', 'tsx', 'tools/simulator/cli.mts', '--script', 'tools/simulator/scripts/history.txt'], {
      encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    expect(text).toContain('(a day later: a new session)');
    expect(text).toContain(`A: ${common.history.none}`);
    expect(text).toContain("A: You've done the ankle routine twice, counting this one. That makes 2 days in a row.");
    expect(text).toContain("A: You've done the ankle routine twice; the last time was yesterday. That makes 2 days in a row.");
    expect(text).not.toContain('(the skill failed');
  }, 60_000);

  it('runs German, Spanish and French scripts to the end of the routine, with no English in the answers', () => {
    for (const [locale, end] of [['de-DE', 'Damit ist'], ['es-ES', 'Aquí termina'], ['fr-FR', "C'est terminé"]] as const) {
      const text = execFileSync(process.execPath, ['--import', 'tsx', 'tools/simulator/cli.mts', '--locale', locale, '--script', `tools/simulator/scripts/${locale}.txt`], {
        encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' },
      });
      const answers = text.split('\n').filter((l) => l.startsWith('A: ')).join(' ');
      expect(answers, locale).toContain(end);
      expect(answers, locale).not.toMatch(/\b(the|and|your|you|with|press|release|please)\b/i);
      expect(text).not.toContain('(the skill failed');
    }
  });

  it('is a speaker with AudioPlayer with --player: two utterances, then the device\'s own reports play the routine to its end', () => {
    const text = execFileSync(process.execPath, ['--import', 'tsx', 'tools/simulator/cli.mts', '--player', '--script', 'tools/simulator/scripts/player.txt'], {
      encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    const said = text.split('\n').filter((l) => l.startsWith('U: ') && !l.startsWith('U: (player)'));
    expect(said).toEqual(['U: start ankle routine', 'U: no']);
    for (const step of [0, 1, 2, 3]) expect(text).toContain(`U: (player) PlaybackFinished fa1.ankle.${step}.`);
    expect(text).toContain('the skill queues fa1.ankle.3.');
    expect(text).not.toContain('(the skill failed');
  });

  it('runs the health scripts: each disclosure answered, never the fallback, and pain heard in everyday words', () => {
    const run = (script: string, locale: string) => execFileSync(process.execPath, ['--import', 'tsx', 'tools/simulator/cli.mts', '--locale', locale, '--script', script], {
      encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    const en = run('tools/simulator/scripts/health.txt', 'en-US');
    for (const said of [common.condition.swelling, common.condition.brokenSkin, common.condition.diabetes, common.condition.lightNow, common.painStillHurts]) expect(en).toContain(said);
    expect(en).not.toContain(common.fallback.routine);
    // The cautions of the first time, and "what does it help with?" about the point in use.
    expect(en).toContain(common.disclaimer.slice(0, 60));
    expect(en).toContain(`${fill(common.aside.thisIs, { title: routines.ankle.steps.ki6.title })} ${points.KI6.helps}`);
    for (const [locale, file, words, caution] of [
      ['de-DE', 'health-de.txt', { common: deCommon, points: dePoints }, 'Verstauchung'], ['es-ES', 'health-es.txt', { common: esCommon, points: esPoints }, 'esguince'],
      ['fr-FR', 'health-fr.txt', { common: frCommon, points: frPoints }, 'entorse'],
    ] as const) {
      const text = run(`tools/simulator/scripts/${file}`, locale);
      expect(text, locale).toContain(caution);
      expect(text, locale).toContain(words.common.disclaimer.slice(0, 50));
      for (const fallback of Object.values(words.common.fallback)) expect(text, locale).not.toContain(fallback);
      expect([words.points.KI6.helps, words.points.GB40.helps].some((h) => text.includes(h)), `${locale}: what the point helps with`).toBe(true);
      expect(text, locale).not.toContain('(the skill failed');
    }
  }, 120_000);

  it('runs one-point.txt: the Kunlun point on its own, one foot only and both again, shorter and longer', () => {
    const text = execFileSync(process.execPath, ['--import', 'tsx', 'tools/simulator/cli.mts', '--script', 'tools/simulator/scripts/one-point.txt'], {
      encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    for (const said of [common.shape.practise.intro, common.shape.keeps.bl60, common.shape.notes.oneFoot_left, common.shape.notes.bothFeet]) expect(text).toContain(said);
    expect(text).not.toContain(common.fallback.routine);
    expect(text).not.toContain('(the skill failed');
  }, 60_000);
});
