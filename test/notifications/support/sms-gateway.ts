import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayRequest {
  headers: IncomingMessage['headers'];
  body: { to: string; text: string; encoding: string };
}

export interface GatewayAnswer {
  status: number;
  body?: string;
  delayMs?: number;
}

/** A real HTTP SMS gateway on a local port: it records each request and answers what the test chooses. */
export class SmsGateway {
  readonly received: GatewayRequest[] = [];
  answer: (n: number, req: GatewayRequest) => GatewayAnswer = (n) => ({ status: 202, body: JSON.stringify({ id: `gw-${n}` }) });

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<SmsGateway> {
    let gateway: SmsGateway | undefined;
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const request = { headers: req.headers, body: JSON.parse(raw) };
        gateway!.received.push(request);
        const a = gateway!.answer(gateway!.received.length, request);
        setTimeout(() => res.writeHead(a.status, { 'content-type': 'application/json' }).end(a.body ?? ''), a.delayMs ?? 0).unref();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    gateway = new SmsGateway(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`);
    return gateway;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}
