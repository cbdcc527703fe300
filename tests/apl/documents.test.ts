import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentJson } from '../../tools/apl-preview/documents.js';
import { DISPLAY, loadDoc, NAMES, objects } from './helpers.js';

const SEND_EVENT_ARGS = new Set(['pause', 'next', 'repeat', 'segmentDone']);

describe.each(NAMES)('%s document', (name) => {
  const doc = loadDoc(name);

  it('has the APL document shape the skill links to', () => {
    expect(doc.type).toBe('APL');
    expect(String(doc.version)).toMatch(/^(1\.\d+|20\d\d\.\d)$/);
    const mt = doc.mainTemplate as { parameters: string[]; items: unknown[] };
    expect(mt.parameters).toEqual(['payload']);
    expect(mt.items).toHaveLength(1);
    const imports = doc.import as Array<{ name: string; version: string }>;
    expect(imports.find((i) => i.name === 'alexa-viewport-profiles')?.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('sends only the events the skill handles', () => {
    const sends = [...objects(doc)].filter((o) => o.type === 'SendEvent');
    for (const s of sends) {
      const args = s.arguments as unknown[];
      expect(Array.isArray(args) && args.length > 0).toBe(true);
      expect(SEND_EVENT_ARGS.has(String(args[0])), `SendEvent ${JSON.stringify(args)}`).toBe(true);
    }
    if (name === 'routine') expect([...new Set(sends.map((s) => (s.arguments as string[])[0]))].sort()).toEqual(['next', 'pause', 'repeat']);
  });

  it('is what tools/apl-preview/documents.ts generates', () => {
    expect(readFileSync(join(DISPLAY, name, 'document.json'), 'utf8')).toBe(documentJson(name));
  });
});

describe('routine document root', () => {
  it('binds remaining, total and caption on the component with id "root" for SetValue', () => {
    const top = ((loadDoc('routine').mainTemplate as { items: Array<Record<string, unknown>> }).items)[0]!;
    expect(top.type).toBe('Container');
    expect(top.id).toBe('root');
    const binds = Object.fromEntries((top.bind as Array<{ name: string; type?: string; value: string }>).map((b) => [b.name, b]));
    expect(binds.remaining).toMatchObject({ type: 'number', value: '${screen.remainingSeconds}' });
    expect(binds.total).toMatchObject({ type: 'number', value: '${screen.totalSeconds}' });
    expect(binds.caption).toMatchObject({ type: 'string', value: '${screen.caption}' });
  });
});
