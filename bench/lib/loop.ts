import { Agent, request } from 'node:http';
import type { RoundMeasure } from './compare';
import { cpuMs, peakRssMb, resetPeakRss } from './proc';
import { latencyPercentiles } from './stats';

/**
 * A closed loop: `concurrency` clients, each calling `op(client, n)` again as soon as the last call returned, for
 * `durationSeconds`. `op` resolves true for a success. Latency is measured around each call.
 */
export async function closedLoop(
  opts: { concurrency: number; durationSeconds: number; pids: Record<string, number> },
  op: (client: number, n: number) => Promise<boolean>,
): Promise<RoundMeasure> {
  for (const pid of Object.values(opts.pids)) resetPeakRss(pid);
  const cpu0 = Object.fromEntries(Object.entries(opts.pids).map(([k, pid]) => [k, cpuMs(pid)]));
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const until = performance.now() + opts.durationSeconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async (_, client) => {
      for (let n = 0; performance.now() < until; n++) {
        const s = performance.now();
        let success = false;
        try {
          success = await op(client, n);
        } catch {
          success = false;
        }
        latencies.push(performance.now() - s);
        if (success) ok++;
        else errors++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const p = latencyPercentiles(latencies);
  const peak: Record<string, number> = {};
  for (const [name, pid] of Object.entries(opts.pids)) peak[name] = peakRssMb(pid);
  const cpuMsPerOp = Object.fromEntries(Object.entries(opts.pids).map(([k, pid]) => [k, (cpuMs(pid) - cpu0[k]!) / Math.max(1, ok + errors)]));
  return { ops: ok, seconds, p50Ms: p.p50, p99Ms: p.p99, errors, peakRssMb: peak, cpuMsPerOp };
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** A small JSON client over keep-alive HTTP/1.1 (what a browser or a load balancer would hold open). */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  return sendJson('POST', url, body, headers);
}

export function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  return sendJson('GET', url, undefined, headers);
}

function sendJson(method: string, url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      url,
      {
        method,
        agent,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}), ...headers },
        timeout: 30000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = text;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}
