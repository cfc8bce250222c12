/** GET /alwrity/usage/me: the caller's model tokens today (UTC) against their role's quota. */
export interface UsageView {
  /** The UTC day counted, `YYYY-MM-DD`. */
  date: string;
  usedTokens: number;
  /** Tokens a day for this user's roles; null when they are not limited. */
  quota: number | null;
  remaining: number | null;
  /** When today's count starts again from zero (next UTC midnight). */
  resetsAt: string;
}
