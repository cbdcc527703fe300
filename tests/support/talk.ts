import { createSkill, type SkillOptions } from '../../src/skill.js';
import { Conversation, type ConversationOptions, type Reply } from '../../tools/conversation.js';
import { expectValidResponse, silenceOf } from './response-checks.js';

/**
 * A conversation with the real skill in which every response is checked: valid SSML within the
 * platform limits, a reprompt and a question whenever the microphone opens, and speech unless the request type forbids it.
 */
export class CheckedConversation extends Conversation {
  readonly replies: Reply[] = [];

  constructor(opts: { store?: SkillOptions['store']; envelope?: ConversationOptions } = {}) {
    super(createSkill(opts.store ? { store: opts.store } : {}), opts.envelope);
  }

  override async send(...args: Parameters<Conversation['send']>): Promise<Reply> {
    const reply = await super.send(...args);
    await expectValidResponse(reply.envelope, { ...silenceOf(reply.request), locale: this.locale });
    this.replies.push(reply);
    return reply;
  }
}

/** A conversation that has started a routine and answered the pregnancy question with "no". */
export async function inRoutine(routine = 'ankle', opts: ConstructorParameters<typeof CheckedConversation>[0] = {}): Promise<CheckedConversation> {
  const c = new CheckedConversation(opts);
  await c.say(`start the ${routine} routine`);
  await c.say('no');
  return c;
}
