import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { auditPage } from '../../analysis/site/audit-page';
import { joinRedirects } from '../../analysis/site/redirect-chains';
import { siteFindingsCollector } from '../../analysis/site/site-findings';
import type { CheckResult, PageRecord, SiteFinding } from '../../analysis/site/types';
import { paginationOf } from '../../contracts/jobs';
import {
  CRAWL_LIMITS,
  type AuditComparison,
  type CheckSummary,
  type ComparedIssue,
  type CrawlOptions,
  type IssueCounts,
  type ListAuditsQuery,
  type ListPagesQuery,
  type SiteAuditBody,
  type SiteAuditDetail,
  type SiteAuditSummary,
} from '../../contracts/site-audits';
import { isFetchRefused } from '../net/errors';
import type { JobKind, JobPayload } from '../queue/job-kind';
import { PermanentJobError } from '../queue/types';
import { siteAuditPagesRepository } from '../repositories/site-audit-pages';
import { siteAuditsRepository, type SiteAuditRow } from '../repositories/site-audits';
import type { Scope } from '../utils/permission-scope';
import { getService } from '../utils/services';
import { invalidField } from '../utils/validate';
import { crawlSite } from './site-crawl';

export const SITE_CRAWL_JOB = 'site-crawl';
/** Failing pages a check summary names. */
const EXAMPLES = 5;
/** Issues a comparison lists per bucket; the totals count them all. */
const COMPARE_LIST_MAX = 500;

const iso = (value: string | Date | null | undefined) =>
  value ? new Date(value).toISOString() : null;

export const toSummary = (row: SiteAuditRow): SiteAuditSummary => ({
  documentId: row.documentId,
  url: row.url,
  host: row.host,
  scope: row.scope,
  status: row.status,
  progress: row.progress ?? 0,
  stage: row.stage ?? null,
  error: row.error ?? null,
  score: row.score ?? null,
  issueCounts: row.issueCounts ?? null,
  pagesDone: row.pagesDone ?? 0,
  pagesFound: row.pagesFound ?? 0,
  createdAt: iso(row.createdAt)!,
  finishedAt: iso(row.finishedAt),
  durationMs: row.durationMs ?? null,
  schedule: row.schedule ?? null,
});

const noCounts = (): IssueCounts => ({ error: 0, warning: 0, notice: 0 });

/** Checks across pages, the worst and commonest first; and the counts by severity. */
const summarise = () => {
  const checks = new Map<string, CheckSummary>();
  const counts = noCounts();
  let audited = 0;
  let scoreSum = 0;
  return {
    add(url: string, pageChecks: CheckResult[], score: number | null) {
      if (score !== null) {
        audited += 1;
        scoreSum += score;
      }
      for (const check of pageChecks) {
        if (check.passed) continue;
        counts[check.severity] += 1;
        const summary = checks.get(check.id) ?? {
          id: check.id,
          group: check.group,
          ...(check.lighthouse ? { lighthouse: check.lighthouse } : {}),
          severity: check.severity,
          failedPages: 0,
          passedPages: 0,
          found: check.found,
          ...(check.fix ? { fix: check.fix } : {}),
          examples: [],
        };
        summary.failedPages += 1;
        if (summary.examples.length < EXAMPLES) summary.examples.push(url);
        checks.set(check.id, summary);
      }
    },
    result(findings: SiteFinding[]) {
      for (const finding of findings) counts[finding.severity] += finding.items.length;
      const rank = { error: 0, warning: 1, notice: 2 };
      const list = [...checks.values()]
        .map((summary) => ({ ...summary, passedPages: audited - summary.failedPages }))
        .sort(
          (a, b) =>
            rank[a.severity] - rank[b.severity] ||
            b.failedPages - a.failedPages ||
            a.id.localeCompare(b.id),
        );
      return {
        checkSummary: list,
        issueCounts: counts,
        score: audited ? Math.round(scoreSum / audited) : null,
      };
    },
  };
};

/** A recurring audit's run says which schedule started it and for what time. */
export type AuditOrigin = { schedule?: string; scheduledFor?: Date };

const siteAuditsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const audits = siteAuditsRepository(strapi);
  const pages = siteAuditPagesRepository(strapi);
  const fetcher = () => getService(strapi, 'fetcher');

  /**
   * The check summary, the score and the site-level findings, in two reads of the stored pages
   * so that memory stays flat: how each address answered (to join redirect hops into chains),
   * then each page's checks and links, a batch at a time.
   */
  const conclude = async (documentId: string, startUrl: string) => {
    const answers: PageRecord[] = [];
    for await (const batch of pages.all(documentId, [
      'url',
      'finalUrl',
      'statusCode',
      'error',
      'redirects',
      'blockedByRobots',
      'inSitemap',
    ])) {
      for (const page of batch) {
        answers.push({
          url: page.url,
          finalUrl: page.finalUrl ?? page.url,
          status: page.statusCode ?? 0,
          ...(page.error ? { error: page.error } : {}),
          redirects: page.redirects ?? [],
          blockedByRobots: page.blockedByRobots,
          inSitemap: page.inSitemap,
        });
      }
    }
    const joined = new Map(
      joinRedirects(answers).map((record, index) => [
        record.url,
        // A page that answered itself keeps its facts; a redirect's are its target's.
        { record, answeredItself: record === answers[index] },
      ]),
    );
    answers.length = 0;

    const summary = summarise();
    const findings = siteFindingsCollector({ startUrl });
    for await (const batch of pages.all(documentId, ['url', 'facts', 'checks', 'score'])) {
      for (const page of batch) {
        summary.add(page.url, page.checks ?? [], page.score ?? null);
        const answer = joined.get(page.url);
        // A page stored between the two reads is counted in the summary, found again next time.
        if (!answer) continue;
        const { record, answeredItself } = answer;
        findings.add(answeredItself && page.facts ? { ...record, facts: page.facts } : record);
      }
    }
    const found = findings.result();
    return { findings: found, ...summary.result(found) };
  };

  const mustFind = async (documentId: string, scope?: Scope) => {
    const row = await audits.find(documentId, scope);
    if (!row) throw new errors.NotFoundError(`No site audit ${documentId}.`);
    return row;
  };

  return {
    /** Audits one page now; nothing is stored unless it could be fetched and audited. */
    async auditOne(
      body: SiteAuditBody,
      userId: number,
      origin: AuditOrigin = {},
    ): Promise<SiteAuditDetail> {
      const url = await fetcher().preflight(body.url, 'url');
      const startedAt = new Date();
      let fetched;
      try {
        fetched = await fetcher().fetch(url.href);
      } catch (error) {
        throw isFetchRefused(error) ? invalidField('url', error.message) : error;
      }
      // The rules of the host that answered, after any redirect to another one.
      const robots = await fetcher().robots(new URL(fetched.finalUrl).origin);
      const audit = auditPage(fetched, {
        robots: robots.verdict(fetched.finalUrl),
        ...(body.keyphrase ? { keyphrase: body.keyphrase } : {}),
      });
      const summary = summarise();
      summary.add(url.href, audit.checks, audit.score);
      const finishedAt = new Date();
      const created = await audits.create(
        {
          title: `Audit of ${url.href}`,
          url: url.href,
          host: url.host,
          scope: 'page',
          status: 'succeeded',
          progress: 100,
          pagesDone: 1,
          pagesFound: 1,
          findings: [],
          ...summary.result([]),
          startedAt,
          finishedAt,
          durationMs: finishedAt.getTime() - startedAt.getTime(),
          ...origin,
        },
        userId,
      );
      try {
        await pages.insertMany(created.documentId, [
          {
            url: url.href,
            finalUrl: fetched.finalUrl,
            depth: 0,
            title: audit.facts.title,
            statusCode: fetched.status,
            score: audit.score,
            error: null,
            blockedByRobots: !robots.verdict(fetched.finalUrl).allowed,
            inSitemap: false,
            checks: audit.checks,
            timings: fetched.timings,
            redirects: fetched.redirects,
            facts: audit.facts,
          },
        ]);
      } catch (error) {
        await audits.remove(created.documentId);
        throw error;
      }
      return this.detail(created.documentId);
    },

    /** Queues a crawl; nothing is left if it cannot be queued. */
    async startCrawl(body: SiteAuditBody, userId: number, origin: AuditOrigin = {}) {
      const url = await fetcher().preflight(body.url, 'url');
      const options: CrawlOptions = {
        maxPages: body.maxPages ?? CRAWL_LIMITS.maxPages.default,
        maxDepth: body.maxDepth ?? CRAWL_LIMITS.maxDepth.default,
        concurrency: body.concurrency ?? CRAWL_LIMITS.concurrency.default,
        delayMs: body.delayMs ?? CRAWL_LIMITS.delayMs.default,
        ...(body.keyphrase ? { keyphrase: body.keyphrase } : {}),
      };
      const created = await audits.create(
        {
          title: `Crawl of ${url.host}`,
          url: url.href,
          host: url.host,
          scope: 'site',
          options,
          status: 'queued',
          pagesDone: 0,
          pagesFound: 0,
          ...origin,
        },
        userId,
      );
      try {
        await getService(strapi, 'jobs').enqueue(SITE_CRAWL_JOB, created.documentId, { userId });
      } catch (error) {
        await audits.remove(created.documentId);
        throw error;
      }
      return { documentId: created.documentId, status: 'queued' as const };
    },

    crawlKind: {
      name: SITE_CRAWL_JOB,
      store: audits,
      async run({ id, signal, progress }) {
        const audit = await audits.find(id);
        if (!audit || audit.scope !== 'site' || !audit.options) {
          throw new PermanentJobError(`No site crawl ${id}.`);
        }
        const started = Date.now();
        try {
          await crawlSite({
            strapi,
            documentId: id,
            url: audit.url,
            options: audit.options,
            signal,
            progress,
          });
        } catch (error) {
          // A canceled crawl keeps what it found, concluded; a shutdown resumes later instead.
          if (signal.aborted && signal.reason !== 'shutdown') {
            await audits.update(id, await conclude(id, audit.url));
          }
          throw error;
        }
        await progress({ percent: 100, stage: 'Finding site-wide issues' });
        const concluded = await conclude(id, audit.url);
        const pagesDone = await pages.count(id);
        return {
          ...concluded,
          stage: `Crawled ${pagesDone.toLocaleString('en')} pages`,
          durationMs: Date.now() - started,
        };
      },
    } satisfies JobKind<JobPayload>,

    /** The audit as a list shows it; 404 outside the scope. */
    summary: async (documentId: string, scope?: Scope) =>
      toSummary(await mustFind(documentId, scope)),

    async list(query: ListAuditsQuery, scope?: Scope) {
      const where = {
        ...(query.host ? { host: query.host } : {}),
        ...(query.scope ? { scope: query.scope } : {}),
        ...(query.status ? { status: query.status } : {}),
      };
      const { rows, total } = await audits.page(where, query, scope);
      return { data: rows.map(toSummary), meta: { pagination: paginationOf(query, total) } };
    },

    async detail(documentId: string, scope?: Scope): Promise<SiteAuditDetail> {
      const row = await mustFind(documentId, scope);
      const detail: SiteAuditDetail = {
        ...toSummary(row),
        options: row.options ?? null,
        checks: row.checkSummary ?? [],
        findings: row.findings ?? [],
      };
      if (row.scope === 'page') {
        for await (const [page] of pages.all(documentId, ['checks', 'facts', 'timings'], 1)) {
          if (page) detail.page = { checks: page.checks, facts: page.facts, timings: page.timings };
          break;
        }
      }
      return detail;
    },

    async pages(documentId: string, query: ListPagesQuery, scope?: Scope) {
      await mustFind(documentId, scope);
      const { rows, total } = await pages.page(documentId, query);
      return { data: rows, meta: { pagination: paginationOf(query, total) } };
    },

    /** Every open issue: a failed check on a page, or an item of a site-wide finding. */
    async *issues(
      documentId: string,
      scope?: Scope,
    ): AsyncGenerator<ComparedIssue & { group: string; fix: string }> {
      const row = await mustFind(documentId, scope);
      for await (const batch of pages.all(documentId, ['url', 'checks'])) {
        for (const page of batch) {
          for (const check of page.checks ?? []) {
            if (check.passed) continue;
            yield {
              check: check.id,
              url: page.url,
              severity: check.severity,
              found: check.found,
              group: check.group,
              fix: check.fix ?? '',
            };
          }
        }
      }
      for (const finding of row.findings ?? []) {
        for (const item of finding.items) {
          yield {
            check: finding.id,
            url: item.url,
            severity: finding.severity,
            found: finding.found,
            group: 'site',
            fix: finding.fix,
          };
        }
      }
    },

    async compare(
      documentId: string,
      otherDocumentId: string,
      scope?: Scope,
    ): Promise<AuditComparison> {
      const [base, other] = await Promise.all([
        mustFind(documentId, scope),
        mustFind(otherDocumentId, scope),
      ]);
      if (base.host !== other.host) {
        throw invalidField(
          'otherDocumentId',
          `audits ${base.host}, not ${other.host}: compare audits of one site`,
          'params',
        );
      }
      const keyOf = (issue: ComparedIssue) => `${issue.check} ${issue.url}`;
      const before = new Map<string, ComparedIssue>();
      for await (const issue of this.issues(documentId, scope))
        before.set(keyOf(issue), strip(issue));
      const result = {
        fixed: [] as ComparedIssue[],
        new: [] as ComparedIssue[],
        open: [] as ComparedIssue[],
      };
      const totals = { fixed: 0, new: 0, open: 0 };
      const push = (bucket: keyof typeof result, issue: ComparedIssue) => {
        totals[bucket] += 1;
        if (result[bucket].length < COMPARE_LIST_MAX) result[bucket].push(issue);
      };
      for await (const issue of this.issues(otherDocumentId, scope)) {
        const key = keyOf(issue);
        if (before.has(key)) {
          push('open', strip(issue));
          before.delete(key);
        } else push('new', strip(issue));
      }
      for (const issue of before.values()) push('fixed', issue);
      return {
        base: toSummary(base),
        other: toSummary(other),
        ...result,
        totals,
        history: (await audits.history(base.host, base.scope, scope)).map((entry) => ({
          documentId: entry.documentId,
          createdAt: iso(entry.createdAt)!,
          score: entry.score,
        })),
      };
    },

    /** A crawl's rows go with it. */
    async remove(documentId: string, scope?: Scope) {
      await mustFind(documentId, scope);
      await pages.removeAll(documentId);
      await audits.remove(documentId);
    },
  };
};

const strip = ({ check, url, severity, found }: ComparedIssue): ComparedIssue => ({
  check,
  url,
  severity,
  found,
});

export default siteAuditsService;
export type SiteAuditsService = ReturnType<typeof siteAuditsService>;
