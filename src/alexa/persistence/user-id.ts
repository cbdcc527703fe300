import type { RequestEnvelope } from 'ask-sdk-model';

/** The user id Alexa sends; the item's partition key (as the official adapter's default key generator). Never log it. */
export function userIdOf(envelope: RequestEnvelope): string {
  const id = envelope.context?.System?.user?.userId ?? envelope.session?.user?.userId;
  if (!id) throw new Error('request has no user id');
  return id;
}
