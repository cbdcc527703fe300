/** The corpus of natural utterances (utterances.ts), each in its state, through model resolution and the real skill. */
import { describe, expect, it } from 'vitest';
import { resolveUtterance } from '../../tools/nlu.js';
import { captureOutcomes } from '../support/outcomes.js';
import { CheckedConversation } from '../support/talk.js';
import { CORPUS, type CorpusState } from './utterances.js';

const outcomes = captureOutcomes();

/** A conversation in the given state; the next request interrupts the last answer 40 s in, as busy hands do. */
async function reach(state: CorpusState): Promise<{ c: CheckedConversation; afterMs?: number }> {
  const c = new CheckedConversation();
  switch (state) {
    case 'idle': return { c };
    case 'askedPregnancy': await c.say('start the ankle routine'); return { c };
    case 'inRoutine': await c.say('start the ankle routine'); await c.say('no'); return { c, afterMs: 80_000 };
    case 'paused': await c.say('start the ankle routine'); await c.say('no'); await c.say('pause', { afterMs: 80_000 }); return { c };
    case 'askedDelete': await c.say('delete my data'); return { c };
    case 'pain': await c.say('start the ankle routine'); await c.say('no'); await c.say('it hurts', { afterMs: 80_000 }); return { c };
    case 'didYouMean': await c.intent('WherePointIntent', { point: { value: 'calm sleeping', noMatch: true } }); return { c };
    case 'askedMassage': await c.say('a foot massage'); return { c };
    case 'offeredRoutine': await c.say('my heels hurt'); return { c };
  }
}

/** What the last setup turn must have done for the conversation to be in the state (idle: nothing said yet). */
const REACHED: Readonly<Record<CorpusState, string | undefined>> = {
  idle: undefined, askedPregnancy: 'askPregnancy', inRoutine: 'segment', paused: 'paused', askedDelete: 'confirmDelete',
  pain: 'pain', didYouMean: 'unknownPoint', askedMassage: 'massages', offeredRoutine: 'screening',
};

const rows = Object.entries(CORPUS).flatMap(([state, list]) => list.map(([said, intent, outcome]) => [state as CorpusState, said, intent, outcome] as const));

describe('the corpus of natural utterances', () => {
  it('has at least 250 utterances, in every state', () => {
    expect(rows.length).toBeGreaterThanOrEqual(250);
    for (const [state, list] of Object.entries(CORPUS)) expect(list.length, state).toBeGreaterThan(0);
    console.log(`corpus: ${rows.length} utterances in ${Object.keys(CORPUS).length} states`);
  });

  it.each(rows)('[%s] "%s" → %s, %s', async (state, said, intent, outcome) => {
    const resolved = resolveUtterance(said);
    expect(resolved.kind === 'launch' ? 'LaunchRequest' : resolved.intent).toBe(intent);
    outcomes.length = 0;
    const { c, afterMs } = await reach(state);
    expect(outcomes.at(-1), `the conversation reached ${state}`).toBe(REACHED[state]);
    outcomes.length = 0;
    await c.say(said, afterMs === undefined ? {} : { afterMs });
    expect(outcomes.at(-1)).toBe(outcome);
  });
});
