import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import manifest from '../../skill-package/skill.json';
import { persistedView } from '../../src/alexa/store-session.js';
import { parseState } from '../../src/core/state-parse.js';
import { INITIAL_STATE, type SkillState } from '../../src/core/state.js';

describe('docs/privacy.md matches what the code stores', () => {
  const doc = readFileSync('docs/privacy.md', 'utf8');
  const documented = [...doc.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);

  it('documents every stored field, and only those', () => {
    const full: SkillState = parseState({
      ...INITIAL_STATE, leaveOut: true, disclaimed: true, heard: ['ankle'], audioNoted: true,
      progress: { routineId: 'ankle', at: { stepIndex: 1, atMs: 1000 }, paused: true },
      pending: { question: 'resume' }, last: { kind: 'technique', techniqueId: 'pressing' },
    });
    expect(Object.keys(persistedView(full)).sort()).toEqual([...documented].sort());
  });

  it('keeps the session-only fields out of the store', () => {
    const view = persistedView(parseState({ ...INITIAL_STATE, pending: { question: 'resume' }, last: { kind: 'technique', techniqueId: 'pressing' } }));
    expect(view).not.toHaveProperty('pending');
    expect(view).not.toHaveProperty('last');
  });

  it('says the same as the manifest about personal information, and stores a choice, not a status', () => {
    expect(manifest.manifest.privacyAndCompliance.usesPersonalInfo).toBe(false);
    expect(doc).toContain('usesPersonalInfo: false');
    expect(JSON.stringify(persistedView(parseState({ ...INITIAL_STATE, leaveOut: true })))).not.toMatch(/pregnan/i);
  });
});
