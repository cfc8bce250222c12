import type { Core } from '@strapi/strapi';
import { estimateCost } from '../ai/pricing';
import type { UsageRecord } from '../ai/types';
import { auditLogsRepository } from '../repositories/audit-logs';

const auditLogService = ({ strapi }: { strapi: Core.Strapi }) => {
  const auditLogs = auditLogsRepository(strapi);
  return {
    /** One row per model call: who, which provider and model, tokens, cost, latency, outcome. */
    async record(record: UsageRecord) {
      await auditLogs.record({
        action: record.action,
        feature: record.feature,
        provider: record.provider,
        model: record.model,
        inputTokens: record.usage.input,
        outputTokens: record.usage.output,
        totalTokens: record.usage.total,
        costEstimate: estimateCost(record.model, record.usage),
        latencyMs: Math.round(record.latencyMs),
        outcome: record.outcome,
        error: record.error?.slice(0, 2000) ?? null,
        userId: record.userId ?? null,
        subjectDocumentId: record.subjectDocumentId ?? null,
      });
    },

    /** One row for an action taken without a model call (an entry scheduled, published). */
    async event(event: {
      action: string;
      feature: string;
      outcome: 'success' | 'error';
      userId: number | null;
      subjectDocumentId: string | null;
      error?: string;
    }) {
      await auditLogs.record({
        ...event,
        provider: 'strapi',
        model: 'none',
        inputTokens: 0,
        outputTokens: 0,
        totalTokens: 0,
        costEstimate: null,
        latencyMs: 0,
        error: event.error?.slice(0, 2000) ?? null,
      });
    },
  };
};

export default auditLogService;
export type AuditLogService = ReturnType<typeof auditLogService>;
