import type { z } from 'zod';
import type { Feature } from '../contracts/config';
import type { ChatMessage } from '../contracts/messages';
import type { OutputSlot } from '../contracts/writers';
import { describeViolations, type LimitViolation } from './limits';

/**
 * What a writer is. Each writer is one module (`writers/<id>.ts`) listed in `writers/index.ts`;
 * the catalogue, the server's runs and history titles and "Save as draft" are built from these.
 */

/** How a writer answers: streamed into the page, or queued as a job (long-form). */
export type WriterMode = 'stream' | 'job';

/** The pieces of an output a content type's fields can take; `body` is markdown. */
export type Slots = Partial<Record<OutputSlot, string>>;

interface BaseWriter<Id extends string, S extends z.ZodObject, Output> {
  id: Id;
  mode: WriterMode;
  /** The admin renders the form from the JSON Schema of these, so labels live in `.describe()`. */
  options: S;
  /** A title for the generation's history row. */
  titleOf(options: z.output<S>): string;
  /** The output as slots; a piece left undefined or blank is not offered. */
  slots(output: Output): Slots;
  /** The feature whose model it calls (the settings' per-feature model); `writer` if unset. */
  feature?: Feature;
  /** False for a writer that only a tool uses (the SEO tools): left out of the writer picker. */
  listed?: boolean;
}

/** A short writer: one structured answer, streamed as it is written, then held to its limits. */
export interface StreamWriter<
  Id extends string,
  S extends z.ZodObject,
  O extends z.ZodType,
> extends BaseWriter<Id, S, z.output<O>> {
  mode: 'stream';
  /** The shape the model must return (structured output). */
  output: O;
  /** Names the output schema for providers that want one. */
  schemaName: string;
  prompt(options: z.output<S>, brandVoice?: string): ChatMessage[];
  /**
   * The hard limits a schema cannot say (characters, counts), measured after generation: each
   * violation names its path, for one targeted repair.
   */
  check(output: z.output<O>, options: z.output<S>): LimitViolation[];
}

/**
 * A long-form writer: queued as the job named by its id, whose kind the server registers, and
 * written in steps its module describes.
 */
export interface JobWriter<Id extends string, S extends z.ZodObject, Output> extends BaseWriter<
  Id,
  S,
  Output
> {
  mode: 'job';
}

export const defineStreamWriter = <Id extends string, S extends z.ZodObject, O extends z.ZodType>(
  definition: StreamWriter<Id, S, O>,
) => definition;

/** A structured model request: the limits' violations described for the repair prompt. */
export const objectRequest = <T>(request: {
  messages: ChatMessage[];
  schema: z.ZodType<T>;
  schemaName: string;
  check: (output: T) => LimitViolation[];
}) => ({
  ...request,
  check: (output: T) => {
    const violations = request.check(output);
    return violations.length ? describeViolations(violations) : undefined;
  },
});

/** Tags as one text field takes them. */
export const tagsText = (tags: readonly string[] | undefined) =>
  tags?.length ? tags.join(', ') : undefined;
