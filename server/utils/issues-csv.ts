import { Readable } from 'node:stream';

/** Issues as CSV (RFC 4180), streamed row by row: a large crawl's export never sits in memory. */

const COLUMNS = ['url', 'check', 'group', 'severity', 'found', 'fix'] as const;
type IssueRow = Record<(typeof COLUMNS)[number], string>;

const cell = (value: string) => {
  // A leading =, +, - or @ would run as a formula in a spreadsheet: quoted and prefixed.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const issuesCsv = (issues: AsyncIterable<IssueRow>): Readable =>
  Readable.from(
    (async function* () {
      yield `${COLUMNS.join(',')}\r\n`;
      for await (const issue of issues) {
        yield `${COLUMNS.map((column) => cell(issue[column])).join(',')}\r\n`;
      }
    })(),
  );
