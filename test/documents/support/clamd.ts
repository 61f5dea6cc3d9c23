import { spawnSync } from 'node:child_process';

export const CLAMD = { host: process.env.CLAMD_HOST ?? '127.0.0.1', port: Number(process.env.CLAMD_PORT ?? 3310), timeoutMs: 10000 };

let answered: boolean | undefined;

/**
 * Whether clamd answers PING, decided once and synchronously (Jest decides what to run while collecting tests).
 * scripts/ci/clamd.sh starts one; `.ci/run` runs that script.
 */
export function clamdAnswers(): boolean {
  if (answered === undefined) {
    const probe = spawnSync('bash', ['-c', `exec 3<>/dev/tcp/${CLAMD.host}/${CLAMD.port} && printf 'zPING\\0' >&3 && head -c 4 <&3`], {
      timeout: 3000,
      encoding: 'utf8',
    });
    answered = probe.stdout === 'PONG';
  }
  return answered;
}

/** Environment for an app or worker that should scan with clamd when one answers. */
export function clamdEnv(): Record<string, string> {
  return clamdAnswers() ? { CLAMD_HOST: CLAMD.host, CLAMD_PORT: String(CLAMD.port) } : {};
}

/**
 * `describe` for tests that need a real clamd, as the harness does for Redis: without one they are skipped with a
 * plain message, except in CI, where a missing clamd is an error (nothing may be skipped there).
 */
export function describeWithClamd(name: string, fn: () => void): void {
  if (clamdAnswers()) return describe(name, fn);
  if (process.env.CI) {
    describe(name, () => it('needs clamd, and CI must not skip it', () => {
      throw new Error(`clamd does not answer on ${CLAMD.host}:${CLAMD.port} (scripts/ci/clamd.sh starts it)`);
    }));
    return;
  }
  console.warn(`[test] skipped for lack of clamd on ${CLAMD.host}:${CLAMD.port} (run scripts/ci/clamd.sh): ${name}`);
  describe.skip(name, fn);
}
