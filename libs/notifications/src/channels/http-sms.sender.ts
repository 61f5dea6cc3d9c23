import { DeliveryFailed, type SentReceipt, type SmsMessage, type SmsSender } from './delivery-channel.port';
import { withRunningDeadline } from './running-deadline';

export interface HttpSmsOptions {
  gatewayUrl: string;
  timeoutMs?: number;
}

/**
 * SMS through an HTTP gateway: POST {to, text, encoding} as JSON. The idempotency key also travels as the
 * `Idempotency-Key` header, so a gateway that honours it drops the copy a crash between sending and recording
 * would produce. Any answer other than 2xx, a timeout or a network error is retryable: the gateway, not us, knows
 * whether a number is wrong, and a message that keeps failing ends in the dead letters.
 */
export class HttpSmsSender implements SmsSender {
  constructor(private readonly options: HttpSmsOptions) {}

  async send(message: SmsMessage): Promise<SentReceipt> {
    // The deadline counts running time only (withRunningDeadline): a worker frozen while the gateway answered reads
    // that answer when it wakes instead of timing out and sending again.
    const { response, body } = await withRunningDeadline(this.options.timeoutMs ?? 10000, 'SMS gateway', async (signal) => {
      let response: Response;
      try {
        response = await fetch(this.options.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey },
          body: JSON.stringify({ to: message.to, text: message.text, encoding: message.encoding }),
          signal,
        });
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        throw new DeliveryFailed('SMS gateway unreachable', true, (err as Error)?.name);
      }
      return { response, body: await response.text().catch(() => '') };
    });
    if (!response.ok) throw new DeliveryFailed(`SMS gateway answered ${response.status}`, true, String(response.status));
    return { providerMessageId: providerIdFrom(body) ?? message.idempotencyKey };
  }
}

/** Gateways name their id differently; take the first we know, else fall back on our own key. */
function providerIdFrom(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    for (const k of ['id', 'messageId', 'message_id']) {
      const v = json[k];
      if (typeof v === 'string' || typeof v === 'number') return String(v).slice(0, 200);
    }
  } catch {
    /* not JSON: no id */
  }
  return undefined;
}
