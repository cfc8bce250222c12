import type { Core } from '@strapi/strapi';
import { analyze } from '../../analysis/seo';
import type { Analysis } from '../../analysis/seo/types';
import type { AnalyzeBody } from '../../contracts/seo';
import { seoReportsRepository } from '../repositories/seo-reports';

const seoService = ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = seoReportsRepository(strapi);

  return {
    /**
     * Analyses a text with the engine the edit view runs; the server adds what only it knows:
     * the keyphrases other entries already focus on.
     */
    async analyze(
      body: AnalyzeBody,
      except?: { uid: string; documentId: string },
    ): Promise<Analysis> {
      const others = body.keyphrase ? await reports.keyphrases(except) : [];
      return analyze({ ...body, otherKeyphrases: others });
    },
  };
};

export default seoService;
export type SeoService = ReturnType<typeof seoService>;
