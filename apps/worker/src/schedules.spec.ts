import type { Queue } from 'bullmq';
import { SCHEDULES, Schedules, STALL_GRACE_MS } from './schedules';

/**
 * What the one-minute check decides, over queues that hold schedulers and jobs as bullmq names them (the e2e test
 * test/cases/worker-schedules.e2e-spec.ts runs it against a real queue; a job lost under a scheduler that stays
 * cannot be made there without reaching into the queue store's keys).
 */
class QueueStore {
  schedulers = new Map<string, { next?: number }>();
  jobs = new Set<string>();
  upserts: string[] = [];

  asQueue(): Queue {
    return {
      getJobScheduler: async (id: string) => this.schedulers.get(id),
      getJob: async (id: string) => (this.jobs.has(id) ? { id } : undefined),
      upsertJobScheduler: async (id: string, repeat: { every: number }) => {
        this.upserts.push(id);
        const next = NOW + repeat.every;
        this.schedulers.set(id, { next });
        this.jobs.add(`repeat:${id}:${next}`);
      },
    } as unknown as Queue;
  }
}

const NOW = Date.parse('2026-11-29T12:00:00Z');

describe('the schedules check', () => {
  let store: QueueStore;
  let schedules: Schedules;
  beforeEach(() => {
    store = new QueueStore();
    const q = store.asQueue();
    schedules = new Schedules(q, q, q, q, q);
    // Every scheduler in place, its next run in the future with its job waiting.
    for (const s of SCHEDULES) {
      const next = NOW + s.everyMs / 2;
      store.schedulers.set(s.id, { next });
      store.jobs.add(`repeat:${s.id}:${next}`);
    }
  });

  it('leaves schedulers with their next job alone, even when the run is late behind a busy queue', async () => {
    const late = NOW - 10 * STALL_GRACE_MS;
    store.schedulers.set('documents-redrive', { next: late });
    store.jobs.add(`repeat:documents-redrive:${late}`);
    expect(await schedules.restoreMissing(NOW)).toEqual([]);
    expect(store.upserts).toEqual([]);
  });

  it('puts back a scheduler the queue lost', async () => {
    store.schedulers.delete('deadlines-sweep');
    expect(await schedules.restoreMissing(NOW)).toEqual(['deadlines-sweep']);
    expect(store.schedulers.get('deadlines-sweep')).toBeDefined();
  });

  it('puts back a scheduler kept without the job of its next run, once that run is over the grace late', async () => {
    const next = NOW - STALL_GRACE_MS / 2;
    store.schedulers.set('documents-redrive', { next }); // its job lost: nothing named repeat:documents-redrive:<next>
    expect(await schedules.restoreMissing(NOW)).toEqual([]); // not yet: it may be being picked up
    expect(await schedules.restoreMissing(NOW + STALL_GRACE_MS)).toEqual(['documents-redrive']);
    const restored = store.schedulers.get('documents-redrive')!;
    expect(store.jobs.has(`repeat:documents-redrive:${restored.next}`)).toBe(true);
    expect(await schedules.restoreMissing(NOW + STALL_GRACE_MS)).toEqual([]);
  });
});
