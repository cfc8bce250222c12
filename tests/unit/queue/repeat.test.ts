import { presetCron, readPreset, type RepeatPreset } from '../../../contracts/site-audit-schedules';
import { nextRuns, repeatProblem } from '../../../server/queue/repeat';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('nextRuns', () => {
  it('keeps 09:00 Berlin time across the change to summer time', () => {
    const runs = nextRuns(
      { cron: '0 9 * * *', timezone: 'Europe/Berlin' },
      at('2026-03-28T00:00:00Z'),
      3,
    );
    // CET (UTC+1) on the 28th, CEST (UTC+2) from the 29th.
    expect(runs.map((run) => run.toISOString())).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('reads the weekday in the given zone, not UTC', () => {
    // Monday 00:30 in Tokyo is Sunday 15:30 UTC.
    const [run] = nextRuns({ cron: '30 0 * * 1', timezone: 'Asia/Tokyo' }, at('2026-12-01'), 1);
    expect(run!.toISOString()).toBe('2026-12-06T15:30:00.000Z');
  });
});

describe('repeatProblem', () => {
  const now = at('2026-12-01T10:00:00Z');
  const problem = (cron: string, minimum = HOUR) =>
    repeatProblem({ cron, timezone: 'UTC' }, minimum, now);

  it.each(['0 6 * * 1', '0 3 1 * *', '0 * * * *', '15 8 * * 1-5'])('accepts %s', (cron) => {
    expect(problem(cron)).toBeNull();
  });

  it.each([
    ['*/30 * * * *', 'fires every 30 minutes; the least interval allowed is 1 hour'],
    ['0 6,7 * * *', 'fires every 1 hour; the least interval allowed is 2 hours'],
    ['* * * * * *', 'fires every 1 second; the least interval allowed is 1 hour'],
  ])('refuses %s as too frequent', (cron, message) => {
    const minimum = cron === '0 6,7 * * *' ? 2 * HOUR : HOUR;
    expect(problem(cron, minimum)).toBe(message);
  });

  it.each(['0 0 30 2 *', 'not a pattern at all x', '0 25 * * *'])(
    'refuses %s as a pattern that cannot fire',
    (cron) => {
      expect(problem(cron)).toMatch(/^is not a cron pattern that fires/);
    },
  );
});

describe('the form presets', () => {
  const presets: [RepeatPreset, string][] = [
    [{ every: 'day', hour: 6, minute: 0 }, '0 6 * * *'],
    [{ every: 'week', weekday: 1, hour: 7, minute: 30 }, '30 7 * * 1'],
    [{ every: 'month', day: 15, hour: 23, minute: 5 }, '5 23 15 * *'],
  ];

  it.each(presets)('%j is %s and reads back', (preset, cron) => {
    expect(presetCron(preset)).toBe(cron);
    expect(readPreset(cron)).toEqual(preset);
  });

  it.each(['*/5 * * * *', '0 6 * 1 *', '0 6 1 * 1', '0 6 * * 1-5', '0 0 6 * * *'])(
    'reads %s as no preset (shown as it is)',
    (cron) => {
      expect(readPreset(cron)).toBeNull();
    },
  );
});
