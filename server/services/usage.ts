import type { Core } from '@strapi/strapi';
import type { UsageView } from '../../contracts/usage';
import { auditLogsRepository } from '../repositories/audit-logs';
import { pluginConfig } from '../utils/plugin-config';
import { QuotaExceededError, quotaFor, utcDay } from '../utils/quota';

const usageService = ({ strapi }: { strapi: Core.Strapi }) => {
  const auditLogs = auditLogsRepository(strapi);

  const roleCodesOf = async (userId: number) => {
    const user = (await strapi.db.query('admin::user').findOne({
      where: { id: userId },
      populate: { roles: { select: ['code'] } },
    })) as { roles?: { code: string }[] } | null;
    return (user?.roles ?? []).map((role) => role.code);
  };

  return {
    /** The user's tokens today, from the audit log, and what their roles allow. */
    async today(userId: number, now = new Date()): Promise<UsageView> {
      const day = utcDay(now);
      const quotas = pluginConfig(strapi).limits.dailyQuotaPerRole;
      const [usedTokens, quota] = await Promise.all([
        auditLogs.tokensSince(userId, day.start),
        Object.keys(quotas).length
          ? roleCodesOf(userId).then((codes) => quotaFor(codes, quotas))
          : null,
      ]);
      return {
        date: day.date,
        usedTokens,
        quota,
        remaining: quota === null ? null : Math.max(0, quota - usedTokens),
        resetsAt: day.resetsAt.toISOString(),
      };
    },

    /** Before a model call: refused (429) once today's quota is used up. */
    async assertWithinQuota(userId: number) {
      // Nothing to count when no role has a quota.
      if (!Object.keys(pluginConfig(strapi).limits.dailyQuotaPerRole).length) return;
      const usage = await this.today(userId);
      if (usage.quota !== null && usage.usedTokens >= usage.quota) {
        throw new QuotaExceededError(usage.usedTokens, usage.quota, new Date(usage.resetsAt));
      }
    },
  };
};

export default usageService;
export type UsageService = ReturnType<typeof usageService>;
