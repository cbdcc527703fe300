import type { PersistenceAdapter } from 'ask-sdk-core';
import { buildSkill } from '../../src/skill.js';
import { Conversation, type Reply } from '../../tools/conversation.js';
import type { EnvelopeOptions } from '../../tools/envelopes.js';
import { expectValidResponse } from './response-checks.js';

const SILENT_TYPES = ['SessionEndedRequest', 'CanFulfillIntentRequest'];

/**
 * A conversation with the real skill in which every response is checked: valid SSML within the
 * platform limits, a reprompt whenever the session stays open, and speech unless the request type forbids it.
 */
export class CheckedConversation extends Conversation {
  readonly replies: Reply[] = [];

  constructor(opts: { store?: PersistenceAdapter; envelope?: EnvelopeOptions } = {}) {
    super(buildSkill(opts.store ? { persistenceAdapter: opts.store } : {}).create(), opts.envelope);
  }

  override async send(...args: Parameters<Conversation['send']>): Promise<Reply> {
    const reply = await super.send(...args);
    const type = reply.request.request.type;
    const silent = SILENT_TYPES.includes(type) || type.startsWith('AudioPlayer.') || type.startsWith('PlaybackController.') || type === 'System.ExceptionEncountered';
    await expectValidResponse(reply.envelope, { silent });
    this.replies.push(reply);
    return reply;
  }
}
