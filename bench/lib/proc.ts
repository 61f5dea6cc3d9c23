import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** A field of /proc/<pid>/status in kB (VmHWM: peak resident set; VmRSS: current), or NaN when unreadable. */
export function procStatusKb(pid: number | 'self', field: 'VmHWM' | 'VmRSS'): number {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

export function peakRssMb(pid: number | 'self'): number {
  return procStatusKb(pid, 'VmHWM') / 1024;
}

export function rssMb(pid: number | 'self'): number {
  return procStatusKb(pid, 'VmRSS') / 1024;
}

/** Resets the peak-RSS mark of a process (Linux: writing 5 to clear_refs), so that a round reports its own peak. */
export function resetPeakRss(pid: number | 'self'): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface NodeProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The process's output so far (stdout and stderr, as written to its log file). */
  output(): string;
  /** Waits until the output from `fromOffset` on matches. */
  waitFor(re: RegExp, timeoutMs: number, fromOffset?: number): Promise<string>;
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export const LOG_DIR = join(ROOT, '.masar', 'bench-logs');

/**
 * Starts a TypeScript entry point with @swc-node/register, its output going to a log file (so that a busy server
 * does not cost the load generator CPU to read its logs), and waits until its output matches `ready`.
 */
export async function startNode(
  name: string,
  entry: string,
  opts: { env?: Record<string, string | undefined>; ready: RegExp; timeoutMs?: number; args?: string[]; nodeArgs?: string[] },
): Promise<NodeProcess> {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}.log`);
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '-r', '@swc-node/register', entry, ...(opts.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env } as NodeJS.ProcessEnv,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let status: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.once('exit', (code, signal) => {
      status = { code, signal };
      res(status);
    }),
  );
  const output = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };
  const waitFor = async (re: RegExp, timeoutMs: number, fromOffset = 0): Promise<string> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const text = output().slice(fromOffset);
      const m = re.exec(text);
      if (m) return m[0];
      if (status) throw new Error(`${name} exited (code ${status.code}, signal ${status.signal}) before its output matched ${re}:\n${tail(output())}`);
      if (Date.now() > until) throw new Error(`${name}: output did not match ${re} within ${timeoutMs} ms:\n${tail(output())}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  try {
    await waitFor(opts.ready, opts.timeoutMs ?? 60000);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return {
    name,
    child,
    pid: child.pid!,
    logFile,
    exited,
    output,
    waitFor,
    async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15000) {
      if (status) return status;
      child.kill(signal);
      const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const s = await exited;
      clearTimeout(t);
      return s;
    },
  };
}

function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}

function sh(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return (r.stdout || r.stderr || '').trim();
}

/** What the figures were measured on. */
export function machineInfo(): { cpus: number; cpuModel: string; memory: string; node: string; kernel: string } {
  return {
    cpus: Number(sh('nproc', [])) || cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memory: sh('free', ['-h']).split('\n').find((l) => l.startsWith('Mem:'))?.replace(/\s+/g, ' ') ?? `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    kernel: sh('uname', ['-r']),
  };
}

export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds (from /proc/<pid>/stat). */
export function cpuMs(pid: number | 'self'): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted from the state field (3rd) here.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
