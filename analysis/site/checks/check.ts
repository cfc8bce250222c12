import type { AuditInput, Research } from '../research';
import type { CheckGroup, Severity } from '../types';

export { plural } from '../../seo/assessments/assessment';

/** What one check says about one page. */
export interface Outcome {
  passed: boolean;
  found: string;
  fix?: string;
  items?: string[];
  /** A milder severity than the check's, for this failure (a title too long, not missing). */
  severity?: Severity;
}

/** One check. It asks the research for facts and never parses the page itself. */
export interface Check {
  id: string;
  group: CheckGroup;
  lighthouse?: string;
  /** How bad a failure is. */
  severity: Severity;
  /** Whether there is anything to judge; assumed only for HTML pages. */
  applies?(get: Research, input: AuditInput): boolean;
  run(get: Research, input: AuditInput): Outcome;
}

export const pass = (found: string, items?: string[]): Outcome => ({ passed: true, found, items });

export const fail = (
  found: string,
  fix: string,
  details: { items?: string[]; severity?: Severity } = {},
): Outcome => ({ passed: false, found, fix, ...details });

/** Checks of one group, which each module holds. */
export const inGroup = (group: CheckGroup, checks: Omit<Check, 'group'>[]): Check[] =>
  checks.map((check) => ({ ...check, group }));

/** For checks that read the response, not the document: they run on any page. */
export const always = () => true;

export const kilobytes = (bytes: number) => `${Math.round(bytes / 102.4) / 10} KB`;
