import type { Pagination } from '../../../contracts/jobs';
import type { AuditComparison } from '../../../contracts/site-audits';

interface Dated {
  documentId: string;
  createdAt: string;
}

/**
 * The earlier audit first: the comparison reads what the later one fixed, added and kept, in
 * whichever order the reader picked them.
 */
export const comparePair = (a: Dated, b: Dated): [string, string] =>
  a.createdAt <= b.createdAt ? [a.documentId, b.documentId] : [b.documentId, a.documentId];

/** One page of a list the server sent whole, with the paging `PrevNextPagination` reads. */
export const pageOfList = <T>(list: readonly T[], page: number, pageSize: number) => {
  const pageCount = Math.ceil(list.length / pageSize);
  const current = Math.min(Math.max(1, page), Math.max(1, pageCount));
  const pagination: Pagination = { page: current, pageSize, pageCount, total: list.length };
  return { rows: list.slice((current - 1) * pageSize, current * pageSize), pagination };
};

interface TrendPoint {
  documentId: string;
  createdAt: string;
  score: number;
  x: number;
  y: number;
}

/**
 * The scores as points on a `width` × `height` plot, one step apart in audit order (audits come
 * in bursts, so a time axis would crowd them), 0 at the bottom and 100 at the top. An audit
 * without a score leaves a gap: the line is drawn in runs of scored audits.
 */
export const trendOf = (
  history: AuditComparison['history'],
  width: number,
  height: number,
): { points: TrendPoint[]; runs: TrendPoint[][] } => {
  const step = history.length > 1 ? width / (history.length - 1) : 0;
  const runs: TrendPoint[][] = [[]];
  const points: TrendPoint[] = [];
  history.forEach((entry, i) => {
    if (entry.score === null) {
      runs.push([]);
      return;
    }
    const point = {
      documentId: entry.documentId,
      createdAt: entry.createdAt,
      score: entry.score,
      x: history.length > 1 ? i * step : width / 2,
      y: height - (entry.score / 100) * height,
    };
    points.push(point);
    runs[runs.length - 1]!.push(point);
  });
  return { points, runs: runs.filter((run) => run.length > 1) };
};
