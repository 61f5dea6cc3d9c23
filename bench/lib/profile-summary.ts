/**
 * Reads a V8 .cpuprofile (written by bench/lib/cpu-profiler.ts) and tells where the busy time went: self time by
 * package (node_modules/<name>, the repository's own libs/ and apps/, Node's internals, the garbage collector) and
 * the heaviest functions. Idle time is left out of the percentages. Also usable alone:
 * `node -r @swc-node/register bench/lib/profile-summary.ts <file.cpuprofile> [top]`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: a package of node_modules, a library or app of the repository, or Node itself. */
function owner(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const own = /\/(libs\/platform\/[^/]+|libs\/[^/]+|apps\/[^/]+|bench|test)\//.exec(url);
  if (own) return own[1]!;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return url;
}

export interface ProfileSummary {
  busyMs: number;
  byOwner: { owner: string; ms: number; share: number }[];
  byFunction: { fn: string; ms: number; share: number }[];
}

export function summariseProfile(path: string, top = 25): ProfileSummary {
  const p = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) selfUs.set(p.samples[i]!, (selfUs.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
  const owners = new Map<string, number>();
  const fns = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)') continue;
    busy += us;
    const o = owner(url, functionName);
    owners.set(o, (owners.get(o) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${o}${url ? `:${lineNumber + 1}` : ''}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => ({ k, ms: us / 1000, share: us / busy }));
  return {
    busyMs: busy / 1000,
    byOwner: rank(owners).map(({ k, ms, share }) => ({ owner: k, ms, share })),
    byFunction: rank(fns).map(({ k, ms, share }) => ({ fn: k, ms, share })),
  };
}

export function printProfileSummary(label: string, path: string, ops?: number, top = 25): void {
  const s = summariseProfile(path, top);
  const per = (ms: number) => (ops ? ` ${((ms / ops) * 1000).toFixed(1)} µs/op` : '');
  console.log(`\n${label}: ${s.busyMs.toFixed(0)} ms busy${ops ? ` for ${ops} operations (${per(s.busyMs).trim()})` : ''} — ${path}`);
  console.log('  self time by owner:');
  for (const o of s.byOwner) console.log(`    ${(o.share * 100).toFixed(1).padStart(5)}%${per(o.ms)}  ${o.owner}`);
  console.log('  heaviest functions (self time):');
  for (const f of s.byFunction) console.log(`    ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.fn}`);
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
  printProfileSummary(file, file, undefined, Number(top ?? 25));
}
