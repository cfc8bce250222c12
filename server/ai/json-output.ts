import { z } from 'zod';

/** Models sometimes wrap JSON in a markdown fence even in JSON mode. */
const unfence = (text: string): string => {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(text);
  return fenced ? fenced[1]! : text;
};

/** What was wrong: not JSON at all, JSON off the schema, or a limit broken. */
export type OutputProblem = 'json' | 'schema' | 'limits';

export type ParsedOutput<T> =
  { ok: true; value: T } | { ok: false; kind: OutputProblem; problem: string };

/** Parses and validates a model's JSON answer, describing what is wrong in words a model can fix. */
export const parseJsonOutput = <T>(text: string, schema: z.ZodType<T>): ParsedOutput<T> => {
  let data: unknown;
  try {
    data = JSON.parse(unfence(text));
  } catch (error) {
    return {
      ok: false,
      kind: 'json',
      problem: `The answer is not valid JSON (${(error as Error).message}).`,
    };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues
    .map((issue) => `- ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('\n');
  return { ok: false, kind: 'schema', problem: `The JSON does not match the schema:\n${issues}` };
};

/** The schema first, then the caller's own limits. */
export const validateJsonOutput = <T>(
  text: string,
  schema: z.ZodType<T>,
  check?: (value: T) => string | undefined,
): ParsedOutput<T> => {
  const parsed = parseJsonOutput(text, schema);
  if (!parsed.ok || !check) return parsed;
  const problem = check(parsed.value);
  return problem
    ? { ok: false, kind: 'limits', problem: `The JSON breaks these limits: ${problem}.` }
    : parsed;
};

export const repairInstruction = (problem: string): string =>
  `${problem}\nAnswer again with only the corrected JSON object, matching the schema exactly.`;
