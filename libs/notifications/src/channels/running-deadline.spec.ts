import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { DeliveryFailed } from './delivery-channel.port';
import { withRunningDeadline } from './running-deadline';

/** Blocks this process as a SIGSTOP would: nothing runs, the kernel keeps receiving into the sockets. */
function freeze(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    /* frozen */
  }
}

describe('a send deadline that counts running time only', () => {
  let server: ChildProcess;
  let port: number;
  beforeAll(async () => {
    // A provider in another process: it answers 100 ms after each request, while this process is frozen.
    server = spawn(process.execPath, [
      '-e',
      `require('net').createServer((s) => s.on('data', () => setTimeout(() => s.write('250 accepted'), 100))).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`,
    ]);
    port = Number(String((await once(server.stdout!, 'data'))[0]).trim());
  });
  afterAll(() => server.kill('SIGKILL'));

  /** Sends a request, freezes past the deadline, and resolves with the answer read from the socket. */
  function sendThenFreeze(): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('DATA');
        freeze(3000);
      });
      socket.once('data', (d) => (socket.end(), resolve(String(d))));
      socket.once('error', reject);
    });
  }

  it('reads the answer that arrived while the process was frozen instead of timing out', async () => {
    await expect(withRunningDeadline(1500, 'provider', () => sendThenFreeze())).resolves.toBe('250 accepted');
  });

  it('(a plain timer of the same length would have reported a timeout for an accepted message)', async () => {
    const plain = new Promise<never>((_r, reject) => setTimeout(() => reject(new Error('timeout')), 1500));
    await expect(Promise.race([sendThenFreeze(), plain])).rejects.toThrow('timeout');
  });

  it('still gives up on a provider that never answers, as a retryable failure, and aborts the work', async () => {
    let aborted: unknown;
    const silent = (signal: AbortSignal) => new Promise<never>(() => signal.addEventListener('abort', () => (aborted = signal.reason)));
    const err = await withRunningDeadline(600, 'provider', silent).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryFailed);
    expect(err).toMatchObject({ retryable: true, message: 'provider did not answer in time' });
    expect(aborted).toBe(err);
  });
});
