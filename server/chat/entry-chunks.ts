import type { ChunkStatus } from '../../contracts/chat';
import type { Attributes, ComponentLookup } from '../../analysis/seo/entry';
import { chunkField, DEFAULT_CHUNKING } from './chunks';
import { fieldTextsOf } from './entry-text';

/** A row of the content index as it is written: one passage of one version of one entry. */
export interface ChunkData {
  targetUid: string;
  targetDocumentId: string;
  targetLocale: string | null;
  version: ChunkStatus;
  field: string;
  position: number;
  heading: string | null;
  title: string;
  /** The field the title was read from; null when the entry goes by its document id. */
  titleField: string | null;
  text: string;
  hash: string;
  ownerId: number | null;
  vector?: string | null;
  vectorModel?: string | null;
}

export interface IndexedType {
  uid: string;
  attributes: Attributes;
  /** The top-level fields to read; all text-bearing ones when null. */
  fields: string[] | null;
  /** The field that names an entry in a citation (the content manager's main field). */
  titleField: string | null;
  /** Without draft and publish an entry has one version, which is published. */
  draftAndPublish: boolean;
}

// String columns hold 255 characters.
const LABEL_MAX = 255;
const label = (text: string) =>
  text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;

export const versionOf = (entry: Record<string, unknown>): ChunkStatus =>
  entry.publishedAt ? 'published' : 'draft';

/** Every chunk of one entry version, each field's chunks numbered from 0. */
export const chunksOfEntry = (
  entry: Record<string, unknown> & { documentId: string },
  type: IndexedType,
  lookup: ComponentLookup,
): ChunkData[] => {
  const attributes = type.fields
    ? Object.fromEntries(
        Object.entries(type.attributes).filter(([name]) => type.fields!.includes(name)),
      )
    : type.attributes;
  const titleValue = type.titleField ? entry[type.titleField] : null;
  const titled = typeof titleValue === 'string' && Boolean(titleValue.trim());
  const title = label(titled ? (titleValue as string).trim() : entry.documentId);
  const titleField = titled ? type.titleField : null;
  const owner = entry.createdBy as { id?: number } | null | undefined;
  const fields = fieldTextsOf(entry, attributes, lookup);
  // Every chunk carries the title already: a chunk of the title alone only for an entry with
  // no other text.
  const texts =
    fields.length > 1 ? fields.filter((field) => field.path !== type.titleField) : fields;
  return texts.flatMap((field) =>
    chunkField(field, DEFAULT_CHUNKING).map((chunk) => ({
      targetUid: type.uid,
      targetDocumentId: entry.documentId,
      targetLocale: typeof entry.locale === 'string' ? entry.locale : null,
      version: versionOf(entry),
      field: chunk.field,
      position: chunk.index,
      heading: chunk.heading ? label(chunk.heading) : null,
      title,
      titleField,
      text: chunk.text,
      hash: chunk.hash,
      ownerId: typeof owner?.id === 'number' ? owner.id : null,
    })),
  );
};
