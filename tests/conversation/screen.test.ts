/**
 * Screens (APL): a routine on an Echo Show runs from the first press to the end without a word, with the
 * screen driven by the same timed segment as the speech.
 */
import type { Directive } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import common from '../../locales/en/common.json';
import routines from '../../locales/en/routines.json';
import { CUE_TOLERANCE_MS } from '../../src/core/limits.js';
import { estimateSsmlMs, ssmlToText } from '../../tools/ssml.js';
import { CheckedConversation } from '../support/talk.js';
import type { Reply } from '../../tools/conversation.js';
import { fill, upper } from '../support/words.js';

type Command = { type: string; delay?: number; property?: string; value?: unknown; arguments?: unknown[] };
const commandsOf = (r: Reply): Command[] => {
  const exec = r.directives.find((d) => d.type === 'Alexa.Presentation.APL.ExecuteCommands') as (Directive & { commands: { commands: Command[] }[] }) | undefined;
  return exec?.commands[0]?.commands ?? [];
};
const SIDES = [common.screen.rightFoot, common.screen.leftFoot, common.screen.rightLeg, common.screen.leftLeg];
const screenOf = (r: Reply) => (r.directives.find((d) => d.type === 'Alexa.Presentation.APL.RenderDocument') as unknown as { datasources: { payload: { screen: Record<string, unknown> } }; document: { src: string } } | undefined);

/** Walks a routine on a screen device: the user answers the one question, then only the screen's events follow. */
async function walkOnScreen(routine: 'ankle' | 'heel') {
  const c = new CheckedConversation({ envelope: { screen: true } });
  await c.say(`start the ${routine} routine`);
  let r = await c.say('no');
  const events: Reply[] = [r];
  for (let i = 0; i < 40 && JSON.stringify(r.directives).includes('segmentDone'); i += 1) {
    r = await (c.screenDone(r) as Promise<Reply>);
    events.push(r);
  }
  return { c, events, last: r };
}

describe('screens: the whole routine without a word', () => {
  it.each(['ankle', 'heel'] as const)('walks the %s routine to its end by the screen\'s own events alone', async (routine) => {
    const { events, last } = await walkOnScreen(routine);
    expect(last.text).toContain(fill(common.routineDone, { name: routines[routine].name }));
    expect(events.length).toBeGreaterThanOrEqual(routine === 'ankle' ? 4 : 6);
    for (const r of events.slice(0, -1)) {
      expect(r.response.shouldEndSession, 'open without the microphone').toBeUndefined();
      expect(r.response.reprompt).toBeUndefined();
      expect(r.text).not.toMatch(/\bsay next\b/i);
    }
  });

  it('sends each segment\'s SendEvent when its speech ends: the delays add up to the speech estimate', async () => {
    const { events } = await walkOnScreen('ankle');
    expect(events.length, 'the screen\'s events carried the routine on').toBeGreaterThan(1);
    for (const r of events.slice(0, -1)) {
      const commands = commandsOf(r);
      const total = commands.reduce((sum, c) => sum + (c.delay ?? 0), 0);
      expect(commands.at(-1)).toMatchObject({ type: 'SendEvent', arguments: ['segmentDone', 'footAcupressure', expect.any(Number)] });
      expect(Math.abs(total - r.lengthMs), `${total} vs ${r.lengthMs}`).toBeLessThanOrEqual(CUE_TOLERANCE_MS);
    }
  });

  it('counts down in step with the voice: at every cue onset, the screen\'s remaining seconds equal the plan\'s within 1 s', async () => {
    const { events } = await walkOnScreen('heel');
    expect(events.length).toBeGreaterThan(0);
    // The loops below must have something to check: captions and countdown ticks exist.
    expect(events.flatMap(commandsOf).filter((c) => c.property === 'caption').length).toBeGreaterThan(0);
    expect(events.flatMap(commandsOf).filter((c) => c.property === 'remaining').length).toBeGreaterThan(0);
    for (const r of events) {
      const screen = screenOf(r)!.datasources.payload.screen;
      const total = Number(screen.totalSeconds);
      let at = 0;
      let remaining = Number(screen.remainingSeconds);
      const timeline: { atMs: number; remaining: number; caption?: string }[] = [];
      for (const c of commandsOf(r)) {
        at += c.delay ?? 0;
        if (c.property === 'remaining') remaining = Number(c.value);
        timeline.push({ atMs: at, remaining, ...(c.property === 'caption' ? { caption: String(c.value) } : {}) });
      }
      // Captions come at the cue onsets in the speech: the SSML up to each caption's words lasts that long.
      const text = ssmlToText(r.ssml);
      let from = 0;
      for (const point of timeline.filter((t) => t.caption)) {
        // A step done one side at a time names the side first ("Right foot · …"): the words after it are the cue's.
        const side = SIDES.find((s) => point.caption!.startsWith(`${s} · `));
        const words = side ? point.caption!.slice(side.length + 3) : point.caption!;
        const index = r.ssml.indexOf(words.replace(/'/g, '&apos;'), from);
        expect(index, point.caption).toBeGreaterThan(0);
        from = index + 1;
        const before = r.ssml.slice(0, index).replace(/<audio[^>]*\/>$/, '');
        const spokenAt = estimateSsmlMs(`${before}</speak>`);
        // The caption changes as the cue begins, its chime (1.5 s) included: within ±1 s of the words after it.
        expect(Math.abs(spokenAt - point.atMs), `${point.caption} in ${text.slice(0, 60)}`).toBeLessThanOrEqual(CUE_TOLERANCE_MS + 1_500);
      }
      // Remaining time falls by one a second and never below zero, from at most the step's length.
      expect(Number(screen.remainingSeconds)).toBeLessThanOrEqual(total);
      const ticks = commandsOf(r).filter((c) => c.property === 'remaining').map((c) => Number(c.value));
      for (let i = 1; i < ticks.length; i += 1) expect(ticks[i - 1]! - ticks[i]!).toBe(1);
      if (ticks.length) expect(Math.min(...ticks)).toBeGreaterThanOrEqual(0);
    }
  });

  it('shows where the point is while the introduction is spoken, and which foot each cue is for', async () => {
    const { events } = await walkOnScreen('ankle');
    const gb40 = events.find((r) => String(screenOf(r)?.datasources.payload.screen.title).includes('40'))!;
    const screen = screenOf(gb40)!.datasources.payload.screen;
    expect(screen.caption).toBe(routines.ankle.steps.gb40.reminder);
    const captions = commandsOf(gb40).filter((c) => c.property === 'caption').map((c) => String(c.value));
    expect(captions[0]?.startsWith(`${common.screen.rightFoot} · `)).toBe(true);
    expect(captions.some((c) => c.startsWith(`${common.screen.leftFoot} · `))).toBe(true);
  });

  it('draws the foot the screen\'s segment begins on: resumed on the left foot, the left foot, as its captions say', async () => {
    const c = new CheckedConversation({ envelope: { screen: true } });
    await c.say('start the ankle routine');
    await c.say('no');
    await c.say('skip this one', { afterMs: 5_000 });
    // Hill Ruins at standard holds: 96 s on the right foot, then the left; 150 s in, the user holds the left foot.
    await c.say('pause', { afterMs: 150_000 });
    const resumed = screenOf(await c.say('resume'))!.datasources.payload.screen;
    expect(resumed.foot).toBe('left');
  });

  it('shows the foot map with the current point lit, the technique, and the step', async () => {
    const { events } = await walkOnScreen('heel');
    const first = screenOf(events[0]!)!;
    expect(first.document.src).toBe('doc://alexa/apl/documents/routine');
    expect(first.datasources.payload.screen).toMatchObject({ kind: 'routine', panels: [{ view: 'innerAnkle', lit: ['KI7', 'KI8'] }], foot: 'right', technique: 'Pressing' });
    const pair = events.map((e) => screenOf(e)!.datasources.payload.screen).find((s) => JSON.stringify(s.panels).includes('KI1'));
    expect(pair?.panels).toEqual([{ view: 'sole', lit: ['KI1'] }, { view: 'topOfFoot', lit: ['LV3'] }]);
  });

  it('the touch buttons work: pause stops the hold, next moves on', async () => {
    const { c } = await walkOnScreen('ankle');
    const paused = await c.userEvent(['pause'], { afterMs: 20_000 });
    expect(paused.text).toBe(common.paused);
    const resumed = await c.say('resume');
    expect(resumed.text).toMatch(new RegExp(`^${common.notes.resume}|^${common.noRoutine.slice(0, 20)}`));
    expect(resumed.text).toMatch(new RegExp(`^${common.notes.resume} ${upper(routines.ankle.steps.bl62.title)}\\.`));
  });

  it('a spoken "next" still works on a screen when no event arrives', async () => {
    const c = new CheckedConversation({ envelope: { screen: true } });
    await c.say('start the ankle routine');
    await c.say('no');
    const next = await c.say('next');
    expect(next.directives.some((d) => d.type === 'Alexa.Presentation.APL.RenderDocument')).toBe(true);
    expect(next.speechText.length).toBeGreaterThan(10);
    expect(next.text).toContain(upper(routines.ankle.steps.gb40.title));
  });
});

describe('speakers: no APL directive to a device without a screen', () => {
  it('sends no APL directive to a speaker, in a routine or a where-is answer', async () => {
    const c = new CheckedConversation();
    await c.say('start the ankle routine');
    const r = await c.say('no');
    await c.say('where is the calm sleep point');
    for (const reply of [r, ...c.replies]) expect(reply.directives.filter((d) => d.type.startsWith('Alexa.Presentation.APL'))).toEqual([]);
  });
});
