import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/**
 * Supervision reads the other contexts through the ports they export, never their tables. Imports are checked by
 * dependency-cruiser (`npm run lint`: no deep import across libraries); SQL is not, so this test reads it: every
 * table or view named after from / join / update / into / delete from in supervision's code must be one that a
 * supervision migration creates. Who owns what comes from the migrations themselves (the last migration that
 * creates a relation owns it), so a table moved from one context to another moves here too.
 *
 * The reads still known are listed with their reason; the test also fails when one of them is gone, so the list
 * only shrinks.
 */
const LIBS = join(__dirname, '..', '..');
const SUPERVISION = join(LIBS, 'supervision', 'src');

const KNOWN_READS: Record<string, { tables: string[]; why: string }> = {
  'access-rights/export-my-data.query.ts': { tables: ['users', 'issued_letters'], why: 'identity and letters export no port for the account and the issued letters yet' },
  'retention/erase-file-personal-data.ts': { tables: ['issued_letters'], why: 'letters exports no retention port yet' },
  'retention/retention-sweep.use-case.ts': { tables: ['notifications'], why: 'notifications report no per-file count of what they erased yet' },
  'sampling/quality-samples.query.ts': { tables: ['users'], why: "identity exports no staff directory yet (the officer's name)" },
  'legal-hold/legal-holds.use-case.ts': { tables: ['users'], why: 'identity exports no staff directory yet (the name of who set the hold)' },
};

function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, keep) : keep(p) ? [p] : [];
  });
}

/** relation -> owning context, from every context's migrations in timestamp order. */
function owners(): Map<string, string> {
  const migrations = files(LIBS, (p) => /\/src\/migrations\/\d+-[^/]+\.ts$/.test(p)).sort((a, b) => basename(a).localeCompare(basename(b)));
  const out = new Map<string, string>();
  for (const path of migrations) {
    const context = relative(LIBS, path).split('/src/')[0]!;
    for (const m of readFileSync(path, 'utf8').matchAll(/create\s+(?:unlogged\s+)?(?:table|materialized\s+view|view)\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi)) {
      out.set(m[1]!.toLowerCase(), context);
    }
  }
  return out;
}

/** The relations a source file names in SQL. */
function relationsNamed(source: string, known: Map<string, string>): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/\b(?:from|join|update|into|delete\s+from)\s+([a-z_][a-z0-9_]*)/gi)) {
    const name = m[1]!.toLowerCase();
    if (known.has(name)) found.add(name);
  }
  return [...found].sort();
}

describe('supervision reads other contexts only through their ports', () => {
  const owner = owners();
  const sources = files(SUPERVISION, (p) => p.endsWith('.ts') && !p.endsWith('.spec.ts') && !p.includes('/migrations/'));

  it('knows who owns the tables it is about (the migrations were read)', () => {
    expect(owner.get('applications')).toBe('cases');
    expect(owner.get('report_files_summary')).toBe('cases');
    expect(owner.get('documents')).toBe('documents');
    expect(owner.get('quality_samples')).toBe('supervision');
    expect(sources.length).toBeGreaterThan(10);
  });

  it('names no table of another context in its SQL, beyond the reads listed with their reason', () => {
    const foreign: Record<string, string[]> = {};
    for (const path of sources) {
      const tables = relationsNamed(readFileSync(path, 'utf8'), owner).filter((t) => owner.get(t) !== 'supervision');
      if (tables.length) foreign[relative(SUPERVISION, path)] = tables;
    }
    const expected = Object.fromEntries(Object.entries(KNOWN_READS).filter(([, k]) => k.tables.length).map(([file, k]) => [file, [...k.tables].sort()]));
    expect(foreign).toEqual(expected);
  });

  it('reads none of the cases tables at all', () => {
    const casesTables = [...owner].filter(([, context]) => context === 'cases').map(([table]) => table);
    const offending = sources.filter((path) => relationsNamed(readFileSync(path, 'utf8'), owner).some((t) => casesTables.includes(t)));
    expect(offending.map((p) => relative(SUPERVISION, p))).toEqual([]);
  });

  it('detects a read of another context in a SQL string (the check can fail)', () => {
    expect(relationsNamed('select a.id from applications a join case_history h on h.application_id = a.id', owner)).toEqual(['applications', 'case_history']);
    expect(relationsNamed("refreshedAt(m, ['report_files_summary'])", owner)).toEqual([]);
  });
});
