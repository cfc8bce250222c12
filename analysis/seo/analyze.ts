import { contentAssessments } from './assessments/content';
import { keyphraseAssessments } from './assessments/keyphrase';
import { readabilityAssessments } from './assessments/readability';
import { ratingOf, type Assessment } from './assessments/assessment';
import { isSupported } from './language';
import { createResearcher } from './research/researcher';
import type { Analysis, AssessmentResult, Paper, UnavailableAssessment } from './types';

export const ASSESSMENTS: readonly Assessment[] = [
  ...keyphraseAssessments,
  ...contentAssessments,
  ...readabilityAssessments,
];

/** Yoast's overall score: the mean of the scores on a 0–100 scale (9 is the top score). */
const overall = (results: AssessmentResult[]) => {
  if (!results.length) return 0;
  const sum = results.reduce((total, item) => total + item.score, 0);
  return Math.max(0, Math.min(100, Math.round((sum / (results.length * 9)) * 100)));
};

/** Analyses one paper: every assessment that applies, and the two scores. */
export const analyze = (paper: Paper, assessments = ASSESSMENTS): Analysis => {
  const get = createResearcher(paper);
  const results: AssessmentResult[] = [];
  const notAvailable: UnavailableAssessment[] = [];
  for (const assessment of assessments) {
    const { id, group } = assessment;
    const reason = assessment.unavailable?.(get);
    if (reason) {
      notAvailable.push({ id, group, message: reason });
      continue;
    }
    if (assessment.applies && !assessment.applies(get, paper)) continue;
    try {
      const { score, message } = assessment.assess(get, paper);
      results.push({ id, group, rating: ratingOf(score), score, message });
    } catch {
      // One failing check must not take the others down; it is left out of the scores.
      notAvailable.push({ id, group, message: 'This check could not run on this text.' });
    }
  }
  const language = get('language');
  return {
    seoScore: overall(results.filter((item) => item.group === 'seo')),
    readabilityScore: overall(results.filter((item) => item.group === 'readability')),
    assessments: results,
    notAvailable,
    language: isSupported(language) ? language.code : null,
    wordCount: get('wordCount'),
  };
};
