export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const STEPS: { unit: RelativeUnit; seconds: number }[] = [
  { unit: 'year', seconds: 365 * 24 * 3600 },
  { unit: 'month', seconds: 30 * 24 * 3600 },
  { unit: 'week', seconds: 7 * 24 * 3600 },
  { unit: 'day', seconds: 24 * 3600 },
  { unit: 'hour', seconds: 3600 },
  { unit: 'minute', seconds: 60 },
];

/**
 * How long ago `date` was, in the largest unit that fits, for `formatRelativeTime` ("5 minutes
 * ago", "yesterday"). Under a minute reads as now; a clock slightly ahead of ours too.
 */
export const relativeTimeOf = (
  date: string | Date,
  now: number,
): { value: number; unit: RelativeUnit } => {
  const elapsed = Math.max(0, (now - new Date(date).getTime()) / 1000);
  const step = STEPS.find(({ seconds }) => elapsed >= seconds);
  return step
    ? { value: -Math.floor(elapsed / step.seconds), unit: step.unit }
    : { value: 0, unit: 'second' };
};
