import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Runs the lint's boundary check on the given files, as `npm run lint` does on the whole tree. */
function cruise(files: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), '--config', '.dependency-cruiser.js', ...files], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('module boundaries (npm run lint)', () => {
  const dir = mkdtempSync(join(root, 'libs', 'identity', 'src', 'zz-boundary-'));
  const platformDir = mkdtempSync(join(root, 'libs', 'platform', 'queue', 'src', 'zz-boundary-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(platformDir, { recursive: true, force: true });
  });

  it('fails on a deep import into another context', () => {
    const file = join(dir, 'deep.ts');
    writeFileSync(file, `import { AuditTrail } from '../../../audit/src/audit-trail';\nexport const x = AuditTrail;\n`);
    const { status, output } = cruise([file]);
    expect(status).not.toBe(0);
    expect(output).toContain('no-deep-import-across-libraries');
  });

  it('fails when a platform library imports a business context', () => {
    const file = join(platformDir, 'business.ts');
    writeFileSync(file, `import { IdentityModule } from '@masar/identity';\nexport const x = IdentityModule;\n`);
    const { status, output } = cruise([file]);
    expect(status).not.toBe(0);
    expect(output).toContain('platform-imports-no-business-context');
  });

  it('passes an import through the public index', () => {
    const file = join(dir, 'public.ts');
    writeFileSync(file, `import { AuditTrail } from '@masar/audit';\nexport const x = AuditTrail;\n`);
    const { status, output } = cruise([file]);
    expect(output).not.toContain('error');
    expect(status).toBe(0);
  });
});
