export { analyze, ASSESSMENTS } from './analyze';
export { detectFormat, mergeModels, textModelOf } from './text';
export {
  detectSeoMapping,
  mappingCandidates,
  mappingProblems,
  paperOfEntry,
  populateOf,
} from './entry';
export type { Attributes, ComponentLookup, MappingCandidates, SeoFieldMapping } from './entry';
export type { TextModel } from './text';
export {
  cutToWidth,
  descriptionWidth,
  titleWidth,
  DESCRIPTION_MAX_PX,
  TITLE_MAX_PX,
} from './pixel-width';
export * from './types';
