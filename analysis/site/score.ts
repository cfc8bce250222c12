import type { CheckResult, Severity } from './types';

/** Points a failed check costs, by the severity of its failure (SCORING.md). */
export const PENALTY: Record<Severity, number> = { error: 15, warning: 5, notice: 1 };
/** The most a page that answered 4xx or 5xx can score, whatever its markup. */
export const ERROR_STATUS_CAP = 10;

/** 100 minus the penalties of the failed checks, at least 0; an error status caps it. */
export const scoreOf = (checks: readonly CheckResult[]) => {
  const penalty = checks.reduce(
    (sum, check) => (check.passed ? sum : sum + PENALTY[check.severity]),
    0,
  );
  const score = Math.max(0, 100 - penalty);
  const errorStatus = checks.some((check) => check.id === 'http-status-code' && !check.passed);
  return errorStatus ? Math.min(score, ERROR_STATUS_CAP) : score;
};
