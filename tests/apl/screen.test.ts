import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import { sampleScreen } from '../../tools/apl-preview/samples.js';
import { initialBinds, writeScreen } from '../../tools/simulator/screen.js';

function response(withCommands: boolean): ResponseEnvelope {
  const directives: unknown[] = [{
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: 'step-GB40',
    document: { type: 'Link', src: 'doc://alexa/apl/documents/routine' },
    datasources: sampleScreen('routine', ['GB40']),
  }];
  if (withCommands) {
    directives.push({
      type: 'Alexa.Presentation.APL.ExecuteCommands',
      token: 'step-GB40',
      commands: [{
        type: 'Sequential',
        commands: [
          { type: 'SetValue', componentId: 'root', property: 'remaining', value: 42 },
          { type: 'SetValue', componentId: 'root', property: 'remaining', value: 41, delay: 1000 },
          { type: 'SendEvent', arguments: ['segmentDone', 'tok'] },
        ],
      }],
    });
  }
  return { version: '1.0', response: { directives } } as unknown as ResponseEnvelope;
}

describe('simulator screen', () => {
  it('takes the undelayed SetValue commands at the start as the first values', () => {
    const d = (response(true).response.directives ?? []) as unknown as Parameters<typeof initialBinds>[0];
    expect(initialBinds(d)).toEqual({ remaining: 42 });
  });

  it('renders the linked document and returns the path to print', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'screen-test-'));
    const line = await writeScreen(response(true), dir);
    const path = /^screen: (\S+)/.exec(line)?.[1];
    expect(path && existsSync(path)).toBe(true);
    if (existsSync('/usr/bin/chromium')) expect(path).toMatch(/\.png$/);
    else expect(line).toContain('apt-get install');
  });

  it('says so when an answer has no screen', async () => {
    const none = { version: '1.0', response: {} } as unknown as ResponseEnvelope;
    expect(await writeScreen(none, tmpdir())).toMatch(/no APL RenderDocument/);
  });
});
