import type { ValidationProblem } from '../../utils/json-schema';
import { msg } from '../../utils/translations';

/** The message for a problem the form found before sending. */
export const problemMessage = (problem: ValidationProblem) => msg(`form.error.${problem.rule}`);
