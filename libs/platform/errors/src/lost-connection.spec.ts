import { DataSource } from 'typeorm';
import { isUnavailableError, ProblemFilter } from './problem.filter';

/**
 * What a request meets when PostgreSQL ends its connection in the middle of a transaction (a restart, a failover,
 * an administrator): produced on the real server, then answered by the filter. It must be 503 with Retry-After
 * (try again), never 500 (our bug).
 */
describe('a connection PostgreSQL ends inside a transaction', () => {
  let ds: DataSource;
  beforeAll(async () => {
    const url = process.env.MASAR_TEST_PG_ADMIN;
    if (!url) throw new Error('the Jest global set-up did not run (MASAR_TEST_PG_ADMIN is not set)');
    ds = await new DataSource({ type: 'postgres', url, extra: { max: 2, application_name: 'masar-lost-connection-test' } }).initialize();
  });
  afterAll(() => ds?.destroy());

  it('answers 503 whichever error TypeORM raises for it', async () => {
    const errors: unknown[] = [];
    await ds
      .transaction(async (manager) => {
        const [{ pid }] = await manager.query(`select pg_backend_pid() as pid`);
        // Another session ends ours, as a server shutting down does.
        await ds.query(`select pg_terminate_backend($1)`, [pid]);
        // The driver learns of it from the socket; TypeORM then releases the query runner.
        await new Promise((r) => setTimeout(r, 300));
        try {
          await manager.query(`select 1`);
        } catch (err) {
          errors.push(err);
          throw err;
        }
      })
      .catch((err: unknown) => errors.push(err));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => (e as Error).name)).toContain('QueryRunnerProviderAlreadyReleasedError');
    const filter = new ProblemFilter();
    for (const err of errors) {
      expect(isUnavailableError(err)).toBe(true);
      const { problem, headers } = filter.toProblem(err);
      expect(problem).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(headers['Retry-After']).toBe('5');
    }
  });
});
