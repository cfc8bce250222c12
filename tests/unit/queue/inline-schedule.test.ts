import { createInlineDriver } from '../../../server/queue/inline-driver';

describe('the in-process driver’s schedules', () => {
  it('adds one job per time the pattern fires, stamped with that time, until unscheduled', async () => {
    const driver = createInlineDriver();
    const fired: { id: string; data: unknown; at: number }[] = [];
    await driver.startWorkers(
      {
        ticks: async ({ id, data, scheduledAt }) => {
          fired.push({ id, data, at: scheduledAt!.getTime() });
        },
      },
      2,
    );
    await driver.schedule('ticks', 'every-second', { pattern: '* * * * * *', tz: 'UTC' }, { n: 1 });
    expect(await driver.schedules('ticks')).toEqual(['every-second']);
    await new Promise((resolve) => setTimeout(resolve, 2600));
    await driver.unschedule('ticks', 'every-second');
    expect(await driver.schedules('ticks')).toEqual([]);
    const count = fired.length;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await driver.close();

    expect(fired.length).toBe(count);
    expect(count).toBeGreaterThanOrEqual(2);
    for (const run of fired) {
      expect(run.at % 1000).toBe(0);
      expect(run).toEqual({ id: `every-second:${run.at}`, data: { n: 1 }, at: run.at });
    }
    expect(new Set(fired.map((run) => run.at)).size).toBe(count);
  });
});
