import { createDashboard } from '../dashboard/index.js';
import { createVirtualClock } from '../core/clock.js';
import { createSageGeSimulator } from '../simulators/sage-ge/index.js';
import { VENDORS } from '../vendors/index.js';
import { BENCH_ENTITY, BENCH_FILE, BENCH_NOW, benchState } from './lib/fixtures.js';
import { summarize, type Summary } from './lib/stats.js';

/**
 * Metric 6: render time of the dashboard's busiest pages with 10,000 entries in one Sage GE file
 * (the file page, first and last page of its entries, and the overview), in-process.
 */
export async function measureDashboard(
  renders: number,
): Promise<{ file: Summary; lastPage: Summary; overview: Summary }> {
  const clock = createVirtualClock({ start: BENCH_NOW });
  // Every registered vendor, as `ledgersim start` serves them; the measured pages are Sage GE's, so
  // only its simulator holds the 10,000 entries and the others keep their demo state.
  const simulators = VENDORS.modules.map(({ id, title, simulator }) => ({
    name: id,
    title,
    simulator:
      id === 'sage-ge'
        ? createSageGeSimulator({ clock, initialState: benchState(10_000) })
        : simulator.create({ clock }),
  }));
  const app = createDashboard({ simulators, clock });
  const time = async (path: string) => {
    const samples: number[] = [];
    for (let i = 0; i < renders + 2; i++) {
      const start = performance.now();
      const res = await app.request(path);
      await res.text();
      if (res.status !== 200) throw new Error(`the dashboard answered ${res.status} on ${path}`);
      if (i >= 2) samples.push(performance.now() - start); // two warm-up renders
    }
    return summarize(samples);
  };
  const page = `/s/sage-ge/${BENCH_ENTITY}/${BENCH_FILE}`;
  return { file: await time(page), lastPage: await time(`${page}?page=200`), overview: await time('/') };
}
