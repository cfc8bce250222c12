import type { Core } from '@strapi/strapi';
import type { Attributes } from '../../analysis/seo/entry';
import { errors } from '@strapi/utils';
import type { Citation, Proposal, SearchHit } from '../../contracts/chat';
import { ACTIONS, uidOf } from '../../contracts/permissions';
import type { ToolCall } from '../ai/types';
import { CALENDAR_ITEM_UID } from '../repositories/calendar-items';
import { scopeFor } from '../utils/permission-scope';
import { readableEntry, type UserAbility } from '../utils/readable-entry';
import { getService } from '../utils/services';
import { componentLookup } from '../utils/user-types';
import { fieldTextsOf } from './entry-text';
import type { Passage } from './prompt';
import { isToolName, parseToolArguments, type ToolArguments, type ToolName } from './tools';

/** Whom a turn acts for: their abilities decide what every tool may read or propose. */
export interface ChatActor {
  id: number;
  ability: UserAbility & { can(action: string, subject?: unknown): boolean };
  user: { id: number; roles?: { id: number }[] };
}

export interface ToolOutcome {
  /** What the model reads back (quoted data). */
  result: Record<string, unknown>;
  /** Passages the tool found: numbered on from the turn's citations. */
  passages?: Passage[];
  proposal?: Proposal;
}

const FIELD_TEXT_MAX = 4000;
/** Field types a proposal may replace: text as it is stored (markdown for rich text). */
const CHANGEABLE = new Set(['string', 'text', 'richtext']);
const SEARCH_LIMIT = 6;
const CALENDAR_LIMIT = 50;

const typeNameOf = (strapi: Core.Strapi, uid: string) =>
  (strapi.contentTypes[uid as never] as { info?: { displayName?: string } } | undefined)?.info
    ?.displayName ?? uid;

/** A retrieved passage numbered for citation. */
export const passageOf = (strapi: Core.Strapi, hit: SearchHit, n: number): Passage => ({
  citation: {
    n,
    uid: hit.uid,
    typeName: typeNameOf(strapi, hit.uid),
    documentId: hit.documentId,
    locale: hit.locale,
    status: hit.status,
    field: hit.field,
    title: hit.title,
    link: hit.link,
  } satisfies Citation,
  text: hit.text,
});

/** Runs one tool call for the actor; a refusal or a mistake is a result the model reads. */
export const createToolRunner = (
  strapi: Core.Strapi,
  actor: ChatActor,
  options: { drafts: boolean; locale?: string; nextCitation(): number },
) => {
  const may = (action: (typeof ACTIONS)[keyof typeof ACTIONS]) => actor.ability.can(uidOf(action));
  const refused = (message: string): ToolOutcome => ({ result: { error: message } });

  const entryText = async (args: ToolArguments<'read_entry'>) => {
    const read = await readableEntry(strapi, actor.ability, args);
    const entry = await read.sanitize(read.entry);
    const { attributes } = strapi.contentTypes[args.uid as never] as unknown as {
      attributes: Attributes;
    };
    // Top-level text as stored (markdown kept), so a proposed change starts from the real text.
    const stored = (path: string) => {
      const value = entry[path];
      return typeof value === 'string' && CHANGEABLE.has(attributes[path]?.type ?? '')
        ? value.slice(0, FIELD_TEXT_MAX)
        : undefined;
    };
    const fields = Object.fromEntries(
      fieldTextsOf(entry, attributes, componentLookup(strapi)).map((field) => [
        field.path,
        stored(field.path) ??
          field.model.blocks
            .map((block) => block.text)
            .join('\n')
            .slice(0, FIELD_TEXT_MAX),
      ]),
    );
    return { read, fields };
  };

  const handlers: { [N in ToolName]: (args: ToolArguments<N>) => Promise<ToolOutcome> } = {
    async search_entries(args) {
      const hits = await getService(strapi, 'chat-search').search(
        actor.ability,
        {
          query: args.query,
          locale: args.locale ?? options.locale,
          drafts: options.drafts,
          limit: SEARCH_LIMIT,
        },
        actor.id,
      );
      const passages = hits.map((hit) => passageOf(strapi, hit, options.nextCitation()));
      return {
        passages,
        result: {
          passages: passages.map(({ citation, text }) => ({
            n: citation.n,
            type: citation.typeName,
            uid: citation.uid,
            documentId: citation.documentId,
            title: citation.title,
            field: citation.field,
            locale: citation.locale,
            version: citation.status,
            text,
          })),
        },
      };
    },

    async read_entry(args) {
      const { read, fields } = await entryText(args);
      return {
        result: {
          uid: args.uid,
          documentId: args.documentId,
          locale: read.target.locale,
          version: read.entry.publishedAt ? 'published' : 'draft',
          fields,
        },
      };
    },

    async analyze_entry_seo(args) {
      if (!may(ACTIONS.seoUse)) return refused('You may not use the SEO analysis.');
      const read = await readableEntry(strapi, actor.ability, args);
      const analysis = await getService(strapi, 'seo').analyzeDraft(read.target, read);
      if (!analysis) return refused('That entry no longer exists.');
      return {
        result: {
          seoScore: analysis.seoScore,
          readabilityScore: analysis.readabilityScore,
          wordCount: analysis.wordCount,
          toImprove: analysis.assessments
            .filter((assessment) => assessment.rating !== 'good')
            .map((assessment) => assessment.message)
            .slice(0, 8),
        },
      };
    },

    async list_calendar_items(args) {
      if (!may(ACTIONS.calendarRead)) return refused('You may not read the calendar.');
      const { data } = await getService(strapi, 'calendar').list(
        { from: args.from, to: args.to, page: 1, pageSize: CALENDAR_LIMIT } as never,
        scopeFor(strapi, actor.ability, ACTIONS.calendarRead, CALENDAR_ITEM_UID),
      );
      return {
        result: {
          items: data.map((item) => ({
            title: item.title,
            status: item.status,
            channel: item.channel,
            publishAt: item.publishAtLocal,
            timezone: item.timezone,
            focusKeyphrase: item.focusKeyphrase,
          })),
        },
      };
    },

    async propose_new_entry(args) {
      const checker = strapi
        .plugin('content-manager')
        .service('permission-checker')
        .create({ userAbility: actor.ability, model: args.uid }) as {
        can: { create(): boolean };
      };
      const fields = getService(strapi, 'drafts').textFieldsOf(args.uid);
      if (!fields.length) return refused(`${args.uid} is not a content type with text fields.`);
      if (!checker.can.create()) {
        return refused(`You may not create ${typeNameOf(strapi, args.uid)} entries.`);
      }
      const unknown = Object.keys(args.fields).filter(
        (path) => !fields.some((field) => field.path === path),
      );
      if (unknown.length) {
        return refused(
          `No text field ${unknown.join(', ')}; the fields are ${fields.map((field) => field.path).join(', ')}.`,
        );
      }
      const proposal: Proposal = {
        kind: 'create',
        uid: args.uid,
        typeName: typeNameOf(strapi, args.uid),
        locale: args.locale ?? null,
        fields: args.fields,
      };
      return {
        proposal,
        result: { proposed: true, note: 'Shown to the user, who confirms or discards it.' },
      };
    },

    async propose_entry_change(args) {
      const { read, fields } = await entryText(args);
      const name = typeNameOf(strapi, args.uid);
      if (!read.checker.can.update(read.entry)) {
        return refused(`You may not change this ${name} entry.`);
      }
      const field = getService(strapi, 'drafts')
        .textFieldsOf(args.uid)
        .find((candidate) => candidate.path === args.field);
      // A change replaces the field whole: only text the model read whole, as it is stored.
      if (!field || !CHANGEABLE.has(field.type)) {
        return refused(`${args.field} is not a text field of ${name} that can be changed here.`);
      }
      const stored = (await read.sanitize(read.entry))[args.field];
      if (stored !== null && stored !== undefined && typeof stored !== 'string') {
        return refused(`${args.field} cannot be read as text.`);
      }
      const before = stored ?? '';
      if (before.length > FIELD_TEXT_MAX) {
        return refused(
          `${args.field} is too long to change here (over ${FIELD_TEXT_MAX} characters): edit it in the content manager.`,
        );
      }
      const title = Object.values(fields)[0] ?? args.documentId;
      const proposal: Proposal = {
        kind: 'update',
        uid: args.uid,
        typeName: name,
        documentId: args.documentId,
        locale: read.target.locale,
        title: title.slice(0, 200),
        field: args.field,
        before,
        after: args.value,
      };
      return {
        proposal,
        result: { proposed: true, note: 'Shown to the user, who confirms or discards it.' },
      };
    },
  };

  return async (call: ToolCall): Promise<ToolOutcome> => {
    if (!isToolName(call.name)) return refused(`There is no tool ${call.name}.`);
    const parsed = parseToolArguments(call.name, call.arguments);
    if (!parsed.ok) return refused(`Invalid arguments: ${parsed.problem}`);
    try {
      return await (handlers[call.name] as (args: unknown) => Promise<ToolOutcome>)(parsed.value);
    } catch (error) {
      // Not found, not allowed, not valid: the model reads why and the turn goes on.
      if (error instanceof errors.ApplicationError) return refused(error.message);
      throw error;
    }
  };
};
