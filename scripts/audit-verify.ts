/**
 * npm run audit:verify: walks the audit chain of the configured database (DATABASE_URL, or the embedded one of
 * this checkout) and reports the first broken link. Exit code 0 when the chain is intact, 1 when it is broken,
 * 2 when verification could not run.
 *
 *   --json                       the full result as JSON
 *   --published-heads <file>     log lines (JSON, one per line) of the worker: every `auditCheckpoint` in them is a
 *                                head the chain must still have, even if the checkpoint rows were deleted
 *   --published-head <seq>:<hash>  one such head, by hand (repeatable)
 */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { verifyAuditChain, type AuditVerification } from '@masar/audit';
import { loadConfig } from '@masar/config';
import { resolveDatabaseUrl } from '@masar/database';

function describe(r: AuditVerification): string {
  const lines = [
    `events checked:      ${r.eventsChecked}`,
    `checkpoints checked: ${r.checkpointsChecked}${r.signaturesChecked ? ' (signatures verified)' : ' (signatures NOT verified)'}`,
    `${r.ok ? 'head:               ' : 'last good link:     '} ${r.head ? `seq ${r.head.seq} ${r.head.hash}` : r.ok ? 'empty chain' : 'none'}`,
    `last checkpoint:     ${r.lastCheckpoint ? `seq ${r.lastCheckpoint.seq} at ${r.lastCheckpoint.createdAt}, key ${r.lastCheckpoint.keyId}` : 'none'}`,
    `signing keys:        ${r.signingKeys.length ? r.signingKeys.map((k) => `${k.keyId} (${k.checkpoints} checkpoint(s), seq ${k.firstSeq} to ${k.lastSeq})`).join('; ') : 'none'}`,
    `not yet covered:     ${r.uncoveredSince ? `from seq ${r.uncoveredSince.seq} (${r.uncoveredSince.occurredAt}); a long stretch means no checkpoints are published or they were deleted` : 'nothing'}`,
    `time:                ${r.durationMs} ms`,
  ];
  if (r.ok) return ['audit chain INTACT', ...lines].join('\n');
  const b = r.firstBreak!;
  return [
    `audit chain BROKEN at seq ${b.seq}${b.id ? ` (event ${b.id})` : ''}: ${b.kind}`,
    `  ${b.detail}`,
    ...(b.expected !== undefined ? [`  expected: ${b.expected}`, `  found:    ${b.found}`] : []),
    ...lines,
  ].join('\n');
}

function publishedHeads(argv: string[]): { seq: string; headHash: string }[] {
  const heads: { seq: string; headHash: string }[] = [];
  argv.forEach((arg, i) => {
    const value = argv[i + 1];
    if (arg === '--published-head' && value) {
      const [seq, headHash] = value.split(':');
      if (!/^\d+$/.test(seq ?? '') || !/^[0-9a-f]{64}$/.test(headHash ?? '')) throw new Error(`--published-head wants <seq>:<sha256 hex>, got "${value}"`);
      heads.push({ seq: seq!, headHash: headHash! });
    }
    if (arg === '--published-heads' && value) {
      for (const line of readFileSync(value, 'utf8').split('\n')) {
        if (!line.includes('auditCheckpoint')) continue;
        try {
          const cp = (JSON.parse(line) as { auditCheckpoint?: { seq?: unknown; headHash?: unknown } }).auditCheckpoint;
          if (typeof cp?.seq === 'string' && typeof cp.headHash === 'string') heads.push({ seq: cp.seq, headHash: cp.headHash });
        } catch {
          // Not a JSON log line: skip it.
        }
      }
    }
  });
  return heads;
}

async function main(): Promise<number> {
  const heads = publishedHeads(process.argv.slice(2));
  const config = loadConfig();
  const { url, embedded } = await resolveDatabaseUrl(config);
  const client = new Client({ connectionString: url, application_name: 'masar-audit-verify' });
  await client.connect();
  try {
    const result = await verifyAuditChain(client, { signingKeys: config.crypto.auditSigningKeys, publishedHeads: heads });
    if (heads.length && !process.argv.includes('--json')) console.log(`published heads compared: ${heads.length}`);
    console.log(process.argv.includes('--json') ? JSON.stringify(result, null, 2) : describe(result));
    return result.ok ? 0 : 1;
  } finally {
    await client.end();
    if (embedded?.started) await embedded.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`audit verification could not run: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
