export { analyze, ASSESSMENTS } from './analyze';
export { detectFormat, textModelOf } from './text';
export type { TextModel } from './text';
export {
  cutToWidth,
  descriptionWidth,
  titleWidth,
  DESCRIPTION_MAX_PX,
  TITLE_MAX_PX,
} from './pixel-width';
export * from './types';
