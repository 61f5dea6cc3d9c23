/**
 * npm run audit:verify: walks the audit chain of the configured database (DATABASE_URL, or the embedded one of
 * this checkout) and reports the first broken link. Exit code 0 when the chain is intact, 1 when it is broken,
 * 2 when verification could not run. `--json` prints the full result as JSON.
 */
import { Client } from 'pg';
import { verifyAuditChain, type AuditVerification } from '@masar/audit';
import { loadConfig } from '@masar/config';
import { resolveDatabaseUrl } from '@masar/database';

function describe(r: AuditVerification): string {
  const lines = [
    `events checked:      ${r.eventsChecked}`,
    `checkpoints checked: ${r.checkpointsChecked}${r.signaturesChecked ? ' (signatures verified)' : ' (signatures NOT verified)'}`,
    `head:                ${r.head ? `seq ${r.head.seq} ${r.head.hash}` : 'empty chain'}`,
    `last checkpoint:     ${r.lastCheckpoint ? `seq ${r.lastCheckpoint.seq} at ${r.lastCheckpoint.createdAt}` : 'none'}`,
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

async function main(): Promise<number> {
  const config = loadConfig();
  const { url, embedded } = await resolveDatabaseUrl(config);
  const client = new Client({ connectionString: url, application_name: 'masar-audit-verify' });
  await client.connect();
  try {
    const result = await verifyAuditChain(client, { signingKey: config.crypto.auditSigningKey });
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
