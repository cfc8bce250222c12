/**
 * Daily token quotas per role (`limits.dailyQuotaPerRole`), counted per user over the UTC day.
 * A user is limited only when every role they hold has a quota, and then by the largest: a role
 * without one (the super admin's, unless configured) leaves them unlimited.
 */

export const quotaFor = (
  roleCodes: readonly string[],
  quotas: Readonly<Record<string, number>>,
): number | null => {
  const limits = roleCodes.map((code) => quotas[code]);
  if (!limits.length || limits.some((limit) => limit === undefined)) return null;
  return Math.max(...(limits as number[]));
};

/** The UTC day `now` falls in: its date, its start, and when the next one starts. */
export const utcDay = (now: Date) => {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return {
    date: start.toISOString().slice(0, 10),
    start,
    resetsAt: new Date(start.getTime() + 24 * 60 * 60 * 1000),
  };
};

/** Over the day's quota: answered 429, saying when it resets. */
export class QuotaExceededError extends Error {
  readonly resetsAt: Date;
  constructor(used: number, quota: number, resetsAt: Date) {
    super(
      `You have used ${used.toLocaleString('en')} of your ${quota.toLocaleString('en')} AI tokens for today. The quota resets at ${resetsAt.toISOString().replace('.000Z', 'Z')} (midnight UTC).`,
    );
    this.name = 'QuotaExceededError';
    this.resetsAt = resetsAt;
  }
}
