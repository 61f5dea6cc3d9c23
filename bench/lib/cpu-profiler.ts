/**
 * Preloaded into a server process by a benchmark's `--profile` mode (`node -r .../cpu-profiler.ts`), never part of
 * the application: the first SIGWINCH (a signal Nest's shutdown hooks leave alone, and ignored by default) starts the V8 CPU profiler (node:inspector, in process), the second stops it
 * and writes the profile to BENCH_PROFILE_FILE (a .cpuprofile that Chrome DevTools opens, and that
 * bench/lib/profile-summary.ts reads). So only the steady state under load is profiled, not the start-up.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const file = process.env.BENCH_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, res) => {
      if (!err) writeFileSync(file, JSON.stringify(res.profile));
      else console.error('cpu profile failed', err);
    });
  });
}
