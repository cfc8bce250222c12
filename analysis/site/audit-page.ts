import type { Check } from './checks/check';
import { contentChecks } from './checks/content';
import { indexabilityChecks } from './checks/indexability';
import { onPageChecks } from './checks/on-page';
import { resourceChecks } from './checks/resources';
import { responseChecks } from './checks/response';
import { factsOf } from './page-facts';
import { createResearch, type AuditInput, type Research } from './research';
import { scoreOf } from './score';
import type { AuditOptions, CheckResult, FetchedPage, PageAudit } from './types';

export const CHECKS: readonly Check[] = [
  ...responseChecks,
  ...indexabilityChecks,
  ...onPageChecks,
  ...contentChecks,
  ...resourceChecks,
];

export const MAX_ITEMS = 20;

const isHtmlPage = (get: Research) => get('isHtml');

const runCheck = (check: Check, get: Research, input: AuditInput): CheckResult => {
  const { id, group, lighthouse, severity } = check;
  try {
    const outcome = check.run(get, input);
    return {
      id,
      group,
      ...(lighthouse && { lighthouse }),
      passed: outcome.passed,
      severity: outcome.severity ?? severity,
      found: outcome.found,
      ...(outcome.fix && { fix: outcome.fix }),
      ...(outcome.items?.length && { items: outcome.items.slice(0, MAX_ITEMS) }),
    };
  } catch {
    // One failing check must not take the audit down; it reports itself, as the mildest failure.
    return {
      id,
      group,
      ...(lighthouse && { lighthouse }),
      passed: false,
      severity: 'notice',
      found: 'This check could not run on this page.',
      fix: 'Check the page by hand.',
    };
  }
};

/** Audits one fetched page: every check that applies, its score and the facts the crawl keeps. */
export const auditPage = (page: FetchedPage, options: AuditOptions = {}): PageAudit => {
  const input = { page, options };
  const get = createResearch(input);
  const checks = CHECKS.filter((check) => (check.applies ?? isHtmlPage)(get, input)).map((check) =>
    runCheck(check, get, input),
  );
  return {
    url: page.url,
    finalUrl: page.finalUrl,
    status: page.status,
    score: scoreOf(checks),
    checks,
    facts: factsOf(get),
  };
};
