import { CronExpressionParser } from 'cron-parser';

/** When a schedule fires: a cron pattern read in an IANA time zone (so 06:00 stays 06:00 across DST). */
export interface Repeat {
  cron: string;
  timezone: string;
}

// Enough consecutive times to catch a pattern that fires in bursts (`0 6,7 * * *`).
const SAMPLED_RUNS = 24;

/** The next `count` times the pattern fires after `from`; throws what is wrong with it. */
export const nextRuns = (repeat: Repeat, from: Date, count: number): Date[] => {
  const expression = CronExpressionParser.parse(repeat.cron, {
    tz: repeat.timezone,
    currentDate: from,
    strict: false,
  });
  return expression.take(count).map((date) => date.toDate());
};

/**
 * What keeps the pattern from being used, in words for a 400: it does not parse, never fires, or
 * fires more often than `minIntervalMs` allows. Null when it is fine.
 */
export const repeatProblem = (repeat: Repeat, minIntervalMs: number, now: Date): string | null => {
  let runs: Date[];
  try {
    runs = nextRuns(repeat, now, SAMPLED_RUNS);
  } catch (error) {
    return `is not a cron pattern that fires (${(error as Error).message})`;
  }
  if (!runs.length) return 'never fires';
  for (let index = 1; index < runs.length; index += 1) {
    const gap = runs[index]!.getTime() - runs[index - 1]!.getTime();
    if (gap < minIntervalMs) {
      return `fires every ${formatGap(gap)}; the least interval allowed is ${formatGap(minIntervalMs)}`;
    }
  }
  return null;
};

const formatGap = (ms: number) => {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  const [size, name] = units.find(([unit]) => ms >= unit && ms % unit === 0) ?? [1, 'millisecond'];
  const count = ms / size;
  return `${count} ${name}${count === 1 ? '' : 's'}`;
};
