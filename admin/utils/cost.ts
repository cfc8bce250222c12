import type { FormatNumberOptions } from 'react-intl';

/** Costs are estimated in US dollars (server/ai/pricing.ts); a run often costs under a cent. */
export const COST_FORMAT: FormatNumberOptions = {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 4,
};
