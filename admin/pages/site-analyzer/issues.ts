import type { CheckGroup, CheckResult, Severity } from '../../../analysis/site/types';
import type { CheckSummary, SiteAuditDetail } from '../../../contracts/site-audits';
import en from '../../translations/en.json';
import type { TranslationKey } from '../../utils/translations';

/** The order the report reads in: whether the page answers, then whether it can be found. */
const CHECK_GROUPS: readonly CheckGroup[] = [
  'response',
  'indexability',
  'on-page',
  'content',
  'resources',
];

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** A failed check as the report shows it, from a crawl's summary or from one page's result. */
export interface Issue {
  id: string;
  group: CheckGroup;
  severity: Severity;
  lighthouse?: string;
  found: string;
  fix?: string;
  /** A crawl: how many pages fail and pass it, and the first few that fail it. */
  pages?: { failed: number; passed: number; examples: string[] };
  /** One page: the offending elements or addresses. */
  items?: string[];
}

/** What a check says, whether read from one page or summed over a crawl. */
const issueBase = (check: CheckResult | CheckSummary): Issue => ({
  id: check.id,
  group: check.group,
  severity: check.severity,
  ...(check.lighthouse ? { lighthouse: check.lighthouse } : {}),
  found: check.found,
  ...(check.fix ? { fix: check.fix } : {}),
});

export const issueOfResult = (check: CheckResult): Issue => ({
  ...issueBase(check),
  ...(check.items?.length ? { items: check.items } : {}),
});

const issueOfSummary = (check: CheckSummary): Issue => ({
  ...issueBase(check),
  pages: { failed: check.failedPages, passed: check.passedPages, examples: check.examples },
});

/**
 * A page audit keeps the page's every check, so it shows the offending elements and what
 * passed; a crawl has one summary per failed check, across its pages.
 */
export const issuesOf = (audit: SiteAuditDetail): { failed: Issue[]; passed: Issue[] } =>
  audit.page
    ? {
        failed: audit.page.checks.filter((check) => !check.passed).map(issueOfResult),
        passed: audit.page.checks.filter((check) => check.passed).map(issueOfResult),
      }
    : { failed: audit.checks.map(issueOfSummary), passed: [] };

export interface IssueFilter {
  severity: Severity | '';
  q: string;
}

export const NO_ISSUE_FILTER: IssueFilter = { severity: '', q: '' };

/** `nameOf` gives the check's name as the reader sees it, so the search finds it too. */
export const filterIssues = (
  issues: readonly Issue[],
  filter: IssueFilter,
  nameOf: (id: string) => string,
): Issue[] => {
  const q = filter.q.trim().toLowerCase();
  return issues.filter(
    (issue) =>
      (!filter.severity || issue.severity === filter.severity) &&
      (!q ||
        [issue.id, nameOf(issue.id), issue.found, issue.fix ?? '', issue.lighthouse ?? ''].some(
          (text) => text.toLowerCase().includes(q),
        )),
  );
};

/** Issues by group in report order, empty groups left out; the worst and commonest first. */
export const groupIssues = (issues: readonly Issue[]) =>
  CHECK_GROUPS.map((group) => ({
    group,
    issues: issues
      .filter((issue) => issue.group === group)
      .sort(
        (a, b) =>
          SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
          (b.pages?.failed ?? 0) - (a.pages?.failed ?? 0) ||
          a.id.localeCompare(b.id),
      ),
  })).filter((entry) => entry.issues.length > 0);

const isTranslationKey = (key: string): key is TranslationKey => Object.hasOwn(en, key);

/**
 * The message naming a check (`site.check.<id>`) or a site-wide finding (`site.finding.<id>`),
 * whose ids never clash; none for an id the server added since, which the caller spells out.
 */
export const nameKeyOf = (id: string): TranslationKey | undefined =>
  [`site.check.${id}`, `site.finding.${id}`].find(isTranslationKey);

/** The bands of the entry scores (`ScoreBadges`): under 50 bad, 50 to 79 ok, 80 and over good. */
export const scoreTone = (score: number) =>
  score >= 80 ? 'success' : score >= 50 ? 'warning' : 'danger';

/** An http(s) address, which the report links to; a check's other items are markup or text. */
export const isWebAddress = (text: string) => /^https?:\/\/\S+$/i.test(text);
