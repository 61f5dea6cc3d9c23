import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpSmsSender, renderNotification } from '@masar/notifications';

interface Received {
  headers: IncomingMessage['headers'];
  body: { to: string; text: string; encoding: string };
}

/** A real HTTP gateway on a local port whose answer each test chooses. */
async function startGateway(answer: (n: number) => { status: number; body?: string; delayMs?: number }) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) });
      const a = answer(received.length);
      setTimeout(() => res.writeHead(a.status, { 'content-type': 'application/json' }).end(a.body ?? ''), a.delayMs ?? 0).unref();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  return { url, received, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

describe('SMS through the HTTP gateway', () => {
  it('posts {to, text, encoding} as JSON with the idempotency key and returns the gateway id', async () => {
    const gw = await startGateway(() => ({ status: 202, body: JSON.stringify({ id: 'gw-42' }) }));
    const rendered = renderNotification('application.submitted', { reference: 'MA-7K3Q-9XWD' }, 'ar');
    const receipt = await new HttpSmsSender({ gatewayUrl: gw.url }).send({ to: '+212600000001', text: rendered.sms.text, encoding: rendered.sms.encoding, idempotencyKey: 'key-1' });
    expect(receipt.providerMessageId).toBe('gw-42');
    expect(gw.received).toHaveLength(1);
    expect(gw.received[0]!.body).toEqual({ to: '+212600000001', text: 'مسار: استلمنا طلبك. الرقم: MA-7K3Q-9XWD. احتفظ بهذا الرقم.', encoding: 'UCS-2' });
    expect(gw.received[0]!.headers['idempotency-key']).toBe('key-1');
    await gw.close();
  });

  it('treats a non-2xx answer and a timeout as retryable failures', async () => {
    const gw = await startGateway((n) => (n === 1 ? { status: 503 } : { status: 200, delayMs: 1500 }));
    const sender = new HttpSmsSender({ gatewayUrl: gw.url, timeoutMs: 300 });
    const msg = { to: '+212600000001', text: 'x', encoding: 'GSM-7' as const, idempotencyKey: 'k' };
    await expect(sender.send(msg)).rejects.toMatchObject({ name: 'DeliveryFailed', retryable: true, providerCode: '503' });
    await expect(sender.send(msg)).rejects.toMatchObject({ retryable: true, message: 'SMS gateway did not answer in time' });
    await gw.close();
  });
});
