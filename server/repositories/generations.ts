import type { Core } from '@strapi/strapi';
import type { GenerationSummary, GenerationView } from '../../contracts/generations';
import type { JobStatus } from '../../contracts/jobs';
import type { TokenUsage } from '../ai/types';
import { AUTHOR, JOB_COLUMNS, jobStore } from './job-store';

/**
 * The one place that knows how a generation is stored: its UID, its row, the API's view of it,
 * and what every job type shares (`job-store.ts`). Reads take the caller's permission scope
 * (see `permission-scope.ts`), so a row outside it is simply not found.
 */

export const GENERATION_UID = 'plugin::alwrity.generation';

interface Author {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
}

/** The stored fields a run writes as it goes. */
export interface GenerationFields {
  kind: string;
  title: string | null;
  status: JobStatus;
  progress: number | null;
  stage: string | null;
  input: unknown;
  output: unknown;
  error: string | null;
  attempts: number | null;
  startedAt: Date | string | null;
  finishedAt: Date | string | null;
  provider: string | null;
  model: string | null;
  usage: TokenUsage | null;
  costEstimate: number | null;
  durationMs: number | null;
  targetUid: string | null;
  targetDocumentId: string | null;
  targetLocale: string | null;
}

export interface GenerationRow extends GenerationFields {
  id: number;
  documentId: string;
  createdAt: string;
  createdBy: Author | null;
}

/** A row without its input and output: what lists read. */
export type GenerationSummaryRow = Omit<GenerationRow, 'input' | 'output'>;

/** Every column but the two large JSON ones. */
const SUMMARY_COLUMNS = [
  ...JOB_COLUMNS,
  'kind',
  'provider',
  'model',
  'usage',
  'costEstimate',
  'targetUid',
  'targetDocumentId',
  'targetLocale',
];
const iso = (value: Date | string | null | undefined) =>
  value ? new Date(value).toISOString() : null;

export const toGenerationSummary = (row: GenerationSummaryRow): GenerationSummary => ({
  documentId: row.documentId,
  kind: row.kind,
  title: row.title ?? null,
  status: row.status,
  provider: row.provider ?? null,
  model: row.model ?? null,
  usage: row.usage ?? null,
  costEstimate: row.costEstimate ?? null,
  durationMs: row.durationMs ?? null,
  error: row.error ?? null,
  createdAt: new Date(row.createdAt).toISOString(),
  finishedAt: iso(row.finishedAt),
  author: row.createdBy
    ? {
        id: row.createdBy.id,
        name: [row.createdBy.firstname, row.createdBy.lastname].filter(Boolean).join(' '),
      }
    : null,
  target:
    row.targetUid && row.targetDocumentId
      ? { uid: row.targetUid, documentId: row.targetDocumentId, locale: row.targetLocale ?? null }
      : null,
});

export const toGenerationView = (row: GenerationRow): GenerationView => ({
  ...toGenerationSummary(row),
  input: row.input ?? null,
  output: row.output ?? null,
});

export const generationsRepository = (strapi: Core.Strapi) => {
  const store = jobStore<GenerationRow, GenerationSummaryRow, GenerationFields>(
    strapi,
    GENERATION_UID,
    SUMMARY_COLUMNS,
  );
  const query = () => strapi.db.query(GENERATION_UID);

  return {
    ...store,

    async count(where: Record<string, unknown> = {}): Promise<number> {
      return query().count({ where });
    },

    async create(
      data: Pick<GenerationFields, 'kind' | 'title' | 'input' | 'status'> &
        Partial<GenerationFields>,
      userId: number,
    ): Promise<{ documentId: string }> {
      return store.create({ ...data, title: data.title?.slice(0, 200) ?? null }, userId);
    },

    /** A partial save that answers the row as it now is, its author included. */
    async updateAndRead(
      documentId: string,
      data: Partial<GenerationFields>,
    ): Promise<GenerationRow> {
      return (await query().update({
        where: { documentId },
        data,
        populate: AUTHOR,
      })) as GenerationRow;
    },
  };
};

export type GenerationsRepository = ReturnType<typeof generationsRepository>;
