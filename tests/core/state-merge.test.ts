/** One session's changes on top of a record another session may have changed (src/core/state-merge.ts). */
import { describe, expect, it } from 'vitest';
import { applyChanges, changedFields, persistedView, touchedBy, TRACKED_FIELDS } from '../../src/core/state-merge.js';
import { INITIAL_STATE, type SkillState } from '../../src/core/state.js';

const record: SkillState = {
  ...INITIAL_STATE, prefs: { ...INITIAL_STATE.prefs, holdLength: 'long', pace: 'slow' }, leaveOut: true, keepChoice: true, disclaimed: true, heard: ['ankle'],
  progress: { routineId: 'ankle', at: { stepIndex: 2, atMs: 40_000 }, paused: true },
};

describe('changedFields', () => {
  it('names each preference on its own and each other persisted field, never a session-only one', () => {
    const after: SkillState = { ...record, prefs: { ...record.prefs, chimes: false }, heard: ['ankle', 'heel'], pending: { question: 'resume' }, counted: ['ankle'] };
    expect(changedFields(record, after)).toEqual(['prefs.chimes', 'heard']);
    expect(TRACKED_FIELDS).toEqual(['prefs.holdLength', 'prefs.chimes', 'prefs.countdown', 'prefs.pace', 'prefs.waitBetweenSteps', 'prefs.audio', 'progress', 'leaveOut', 'keepChoice', 'disclaimed', 'heard', 'audioNoted', 'stats']);
  });

  it('touchedBy names what an event sets even when the value does not change (a default chosen out loud)', () => {
    expect(touchedBy({ type: 'setPrefs', prefs: { chimes: true } })).toEqual(['prefs.chimes']);
    expect(touchedBy({ type: 'notPregnant' })).toEqual(['leaveOut']);
    expect(touchedBy({ type: 'resetSettings' })).toContain('leaveOut');
    expect(touchedBy({ type: 'next' })).toEqual([]);
  });
});

describe('applyChanges', () => {
  it('takes only the changed fields from the session, the rest from the record, and session-only fields from the session', () => {
    const session: SkillState = { ...INITIAL_STATE, prefs: { ...INITIAL_STATE.prefs, chimes: false }, pending: { question: 'resume' } };
    const merged = applyChanges(record, session, ['prefs.chimes'], { leaveOut: true });
    expect(merged).toEqual({ ...record, prefs: { ...record.prefs, chimes: false }, pending: { question: 'resume' } });
  });

  it('keeps a choice equal to the default when the session made it (not compared with defaults)', () => {
    const merged = applyChanges({ ...record, prefs: { ...record.prefs, pace: 'slow' } }, INITIAL_STATE, ['prefs.pace'], { leaveOut: 'unknown' });
    expect(merged.prefs.pace).toBe('normal');
  });

  it('adds heard routines and keeps the disclaimer from both', () => {
    const merged = applyChanges(record, { ...INITIAL_STATE, heard: ['heel'] }, ['heard', 'disclaimed'], { leaveOut: true });
    expect(merged.heard).toEqual(['ankle', 'heel']);
    expect(merged.disclaimed).toBe(true);
  });

  it('resolves a leave-out choice both sessions made toward leaving the points out', () => {
    // The record's choice changed since this session read it (undefined → true), and this session chose false.
    expect(applyChanges(record, { ...INITIAL_STATE, leaveOut: false }, ['leaveOut'], { leaveOut: undefined }).leaveOut).toBe(true);
    // Only this session chose: its choice stands, false included.
    expect(applyChanges(record, { ...INITIAL_STATE, leaveOut: false }, ['leaveOut'], { leaveOut: true }).leaveOut).toBe(false);
    // Both chose, neither true: the later one (this session's).
    const forgot = applyChanges({ ...record, leaveOut: false }, INITIAL_STATE, ['leaveOut'], { leaveOut: true });
    expect(forgot).not.toHaveProperty('leaveOut');
  });

  it('keeps light pressure for the session through a merge with the record, and never persists it', () => {
    const merged = applyChanges(record, { ...INITIAL_STATE, lightAll: true }, [], { leaveOut: true });
    expect(merged.lightAll).toBe(true);
    expect(persistedView(merged)).not.toHaveProperty('lightAll');
  });

  it('keeps one foot only for the session through a merge with the record, and never persists it', () => {
    const merged = applyChanges(record, { ...INITIAL_STATE, oneFoot: 'left' }, [], { leaveOut: true });
    expect(merged.oneFoot).toBe('left');
    expect(persistedView(merged)).not.toHaveProperty('oneFoot');
  });

  it('persists what it always did: no pending question, last answer or light session', () => {
    const view = persistedView({ ...record, pending: { question: 'resume' }, last: { kind: 'technique', techniqueId: 'pressing' }, lightAll: true });
    expect(Object.keys(view).sort()).toEqual(['disclaimed', 'heard', 'keepChoice', 'leaveOut', 'prefs', 'progress', 'v']);
  });
});
