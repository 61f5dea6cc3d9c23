import { HttpSmsSender, renderNotification } from '@masar/notifications';
import { SmsGateway } from './support/sms-gateway';

describe('SMS through the HTTP gateway', () => {
  let gw: SmsGateway;
  beforeEach(async () => {
    gw = await SmsGateway.start();
  });
  afterEach(async () => gw.close());

  it('posts {to, text, encoding} as JSON with the idempotency key and returns the gateway id', async () => {
    gw.answer = () => ({ status: 202, body: JSON.stringify({ id: 'gw-42' }) });
    const rendered = renderNotification('application.submitted', { reference: 'MA-7K3Q-9XWD' }, 'ar');
    const receipt = await new HttpSmsSender({ gatewayUrl: gw.url }).send({ to: '+212600000001', text: rendered.sms.text, encoding: rendered.sms.encoding, idempotencyKey: 'key-1' });
    expect(receipt.providerMessageId).toBe('gw-42');
    expect(gw.received).toHaveLength(1);
    expect(gw.received[0]!.body).toEqual({ to: '+212600000001', text: 'مسار: استلمنا طلبك. الرقم: MA-7K3Q-9XWD. احتفظ بهذا الرقم.', encoding: 'UCS-2' });
    expect(gw.received[0]!.headers['idempotency-key']).toBe('key-1');
    expect(gw.received[0]!.headers['content-type']).toBe('application/json');
  });

  it('falls back on our key as the provider id when the gateway names none', async () => {
    gw.answer = () => ({ status: 200, body: 'OK' });
    const receipt = await new HttpSmsSender({ gatewayUrl: gw.url }).send({ to: '+212600000001', text: 'x', encoding: 'GSM-7', idempotencyKey: 'key-2' });
    expect(receipt.providerMessageId).toBe('key-2');
  });

  it('treats a non-2xx answer, a timeout and an unreachable gateway as retryable failures', async () => {
    gw.answer = (n) => (n === 1 ? { status: 503 } : n === 2 ? { status: 400 } : { status: 200, delayMs: 10_000 });
    // The answers that come at once get a timeout no loaded machine reaches (300 ms was, once, in CI: the first
    // request of a fresh server); the gateway that holds its answer 10 s is given 300 ms.
    const patient = new HttpSmsSender({ gatewayUrl: gw.url, timeoutMs: 5_000 });
    const msg = { to: '+212600000001', text: 'x', encoding: 'GSM-7' as const, idempotencyKey: 'k' };
    await expect(patient.send(msg)).rejects.toMatchObject({ name: 'DeliveryFailed', retryable: true, providerCode: '503' });
    await expect(patient.send(msg)).rejects.toMatchObject({ retryable: true, providerCode: '400' });
    const hasty = new HttpSmsSender({ gatewayUrl: gw.url, timeoutMs: 300 });
    await expect(hasty.send(msg)).rejects.toMatchObject({ retryable: true, message: 'SMS gateway did not answer in time' });
    const closed = new HttpSmsSender({ gatewayUrl: 'http://127.0.0.1:1/send', timeoutMs: 1000 });
    await expect(closed.send(msg)).rejects.toMatchObject({ retryable: true, message: 'SMS gateway unreachable' });
  });
});
