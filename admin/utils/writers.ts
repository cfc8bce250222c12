import { isWriterId, WRITER_IDS, type WriterId, type WriterMode } from '../../writers';
import type { JsonSchema } from './json-schema';
import type { TranslationKey } from './translations';

export type { WriterId };
export { isWriterId };

/** One entry of `GET /alwrity/writers`. */
export interface WriterDescriptor {
  id: WriterId;
  mode: WriterMode;
  /** Offered in the picker; the SEO tools' writers are not (unless one is opened from history). */
  listed: boolean;
  optionsSchema: JsonSchema;
}

/** Each writer's name and description keys; `satisfies` fails the build when en.json lacks one. */
const textOf = (id: WriterId) =>
  ({
    name: `writer.${id}.name`,
    description: `writer.${id}.description`,
  }) as const satisfies { name: TranslationKey; description: TranslationKey };

/** How each writer is named in the picker and the history, in the catalogue's order. */
export const WRITER_TEXT = Object.fromEntries(WRITER_IDS.map((id) => [id, textOf(id)])) as Record<
  WriterId,
  ReturnType<typeof textOf>
>;
