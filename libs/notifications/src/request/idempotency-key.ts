import { createHash } from 'node:crypto';
import type { Channel } from '../channels/delivery-channel.port';

/**
 * The idempotency key of a delivery: one per (event occurrence, recipient, channel). A hash, so that it can serve
 * as an e-mail Message-ID and an HTTP header without carrying anything readable.
 */
export function deliveryKey(input: { event: string; occurrenceKey: string; recipientId: string; channel: Channel }): string {
  const digest = createHash('sha256').update([input.event, input.occurrenceKey, input.recipientId, input.channel].join('\u0000')).digest('hex');
  return `n${digest.slice(0, 40)}`;
}
