/**
 * Amazon's own APL linter, apl-suggester (https://github.com/alexa/apl-suggester, the validator behind the
 * authoring tool), on every APL document the skill package holds: no error and no warning.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { StaticAplTemplateValidator } from 'apl-suggester';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const PACKAGE = join(import.meta.dirname, '..', '..', 'skill-package');

/** Every JSON file in the skill package that is an APL document (`"type": "APL"`), wherever it sits. */
function aplDocuments(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return aplDocuments(path);
    if (!name.endsWith('.json')) return [];
    return (JSON.parse(readFileSync(path, 'utf8')) as { type?: unknown }).type === 'APL' ? [path] : [];
  });
}

describe('apl-suggester', () => {
  const documents = aplDocuments(PACKAGE);
  // The linter prints "No mixin for component: …" for components it has no extra checks for; not a finding.
  beforeAll(() => { vi.spyOn(console, 'log').mockImplementation(() => undefined); });
  afterAll(() => { vi.restoreAllMocks(); });

  it('finds the documents the skill links to', () => {
    expect(documents.map((d) => relative(PACKAGE, d)).sort()).toEqual(['response/display/point/document.json', 'response/display/routine/document.json']);
  });

  it.each(documents.map((d) => [relative(PACKAGE, d), d]))('%s: no errors, no warnings', async (_, path) => {
    const findings = await new StaticAplTemplateValidator().validate(JSON.parse(readFileSync(path, 'utf8')) as object);
    expect(findings).toEqual([]);
  });

  it('really lints: an AVG parameter of type "boolean" is reported', async () => {
    const doc = JSON.parse(readFileSync(documents[0]!, 'utf8')) as { graphics: Record<string, { parameters: { name: string; type: string }[] }> };
    const first = Object.values(doc.graphics).find((g) => g.parameters?.length)!;
    first.parameters[0]!.type = 'boolean';
    const findings = await new StaticAplTemplateValidator().validate(doc);
    expect(findings.map((f) => f.errorMessage).join('\n')).toMatch(/allowed values/);
  });
});
