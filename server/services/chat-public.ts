import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  NOT_FOUND_ANSWER,
  PUBLIC_DEFAULTS,
  type AskBody,
  type PublicAnswer,
  type PublicCitation,
  type PublicSettings,
} from '../../contracts/chat';
import { PLUGIN_ID } from '../../contracts/permissions';
import { PUBLIC_SYSTEM_PROMPT, questionMessage, type Passage } from '../chat/prompt';
import { patternFields, publicUrl } from '../chat/public-url';
import { passageOf } from '../chat/tool-runner';
import { TooManyRequestsError } from '../utils/http-errors';
import { getService } from '../utils/services';
import type { StreamedCall } from '../utils/streamed-answer';
import { invalidField } from '../utils/validate';

const SETTINGS_KEY = 'chat-public';
const PASSAGES = 5;
/** A visitor's answer is short: one question never spends much of the day's budget. */
const ANSWER_TOKENS = 600;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Who asks: a visitor's address, and their user when they are signed in (users-permissions). */
export interface Visitor {
  ip: string;
  userId: number | null;
}

const utcDay = (now: Date) => now.toISOString().slice(0, 10);
const untilMidnight = (now: Date) => DAY - (now.getTime() % DAY);

/**
 * The site assistant for visitors: published text only, of the types an admin opted in, cited
 * by public URL; no tools. Rate limits per address and per user and a daily token budget for
 * the whole assistant, all counted where every process sees them.
 */
const chatPublicService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: SETTINGS_KEY });
  const jobs = () => getService(strapi, 'jobs');

  const limited = async (key: string, limit: number, windowMs: number, what: string) => {
    const { value, resetMs } = await jobs().count(key, 1, windowMs);
    if (value > limit) throw new TooManyRequestsError(what, Math.ceil(resetMs / 1000));
  };

  /** The cited entries' public addresses, read from their published versions. */
  const citationsOf = async (
    passages: readonly Passage[],
    settings: PublicSettings,
  ): Promise<PublicCitation[]> =>
    (
      await Promise.all(
        passages
          .filter(
            (passage, i) => passages.findIndex((p) => p.citation.n === passage.citation.n) === i,
          )
          .map(async ({ citation }) => {
            const pattern = settings.types[citation.uid]?.urlPattern;
            if (!pattern) return null;
            const entry = (await strapi.documents(citation.uid as never).findOne({
              documentId: citation.documentId,
              ...(citation.locale ? { locale: citation.locale } : {}),
              status: 'published',
            } as never)) as Record<string, unknown> | null;
            const url = entry && publicUrl(pattern, { ...entry, locale: citation.locale });
            return url
              ? {
                  n: citation.n,
                  title: citation.title,
                  type: citation.typeName,
                  locale: citation.locale,
                  url,
                }
              : null;
          }),
      )
    ).filter((citation): citation is PublicCitation => citation !== null);

  return {
    async settings(): Promise<PublicSettings> {
      return { ...PUBLIC_DEFAULTS, ...((await store().get({})) as Partial<PublicSettings> | null) };
    },

    async setSettings(body: Partial<PublicSettings>) {
      for (const [uid, { urlPattern }] of Object.entries(body.types ?? {})) {
        const type = strapi.contentTypes[uid as never] as
          { attributes: Record<string, unknown> } | undefined;
        if (!uid.startsWith('api::') || !type) {
          throw invalidField(`types.${uid}`, 'is not a collection type');
        }
        const unknown = patternFields(urlPattern).find(
          (name) => !['documentId', 'locale'].includes(name) && !(name in type.attributes),
        );
        if (unknown) {
          throw invalidField(`types.${uid}.urlPattern`, `${uid} has no field ${unknown}`);
        }
      }
      await store().set({ value: { ...(await this.settings()), ...body } });
      return this.settings();
    },

    /**
     * What refuses a question before any model call: the assistant off (404), a question too
     * long (400), a visitor or user over their limit or the day's budget spent (429).
     */
    async admit(body: AskBody, visitor: Visitor, now = new Date()) {
      const settings = await this.settings();
      if (!settings.enabled) throw new errors.NotFoundError('The site assistant is not enabled.');
      if (body.question.length > settings.questionMax) {
        throw invalidField('question', `must be at most ${settings.questionMax} characters`);
      }
      await limited(
        `ask:ip:${visitor.ip}`,
        settings.perIpPerMinute,
        MINUTE,
        'Too many questions from this address: try again in a minute.',
      );
      if (visitor.userId !== null) {
        await limited(
          `ask:user:${visitor.userId}`,
          settings.perUserPerMinute,
          MINUTE,
          'Too many questions: try again in a minute.',
        );
      }
      const spent = await jobs().count(`ask:tokens:${utcDay(now)}`, 0, DAY);
      if (spent.value >= settings.dailyTokenBudget) {
        throw new TooManyRequestsError(
          'The site assistant has answered all it may today: try again tomorrow.',
          Math.ceil(untilMidnight(now) / 1000),
        );
      }
      return settings;
    },

    async ask(
      body: AskBody,
      settings: PublicSettings,
      call: StreamedCall = { signal: new AbortController().signal },
    ): Promise<PublicAnswer> {
      const opted = new Set(Object.keys(settings.types));
      const hits = await getService(strapi, 'chat-search').retrieve(body.question, {
        locale: body.locale,
        limit: PASSAGES,
        allow: (chunk) => chunk.version === 'published' && opted.has(chunk.uid),
      });
      // A visitor is sent to pages, not fields: passages of one entry share its number.
      const numbers = new Map<string, number>();
      const passages = hits.map((hit) => {
        const key = `${hit.chunk.uid}\u0000${hit.chunk.documentId}\u0000${hit.chunk.locale}`;
        if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
        return passageOf(strapi, getService(strapi, 'chat-search').toHit(hit), numbers.get(key)!);
      });
      const citations = await citationsOf(passages, settings);
      // Only what is published now reaches a visitor, whatever the index in memory still holds.
      const live = new Set(citations.map((citation) => citation.n));
      const published = passages.filter((passage) => live.has(passage.citation.n));
      call.onEvent?.('citations', { type: 'citations', citations });
      // Nothing published on it: no model call, no tokens spent.
      if (!published.length) {
        call.onDelta?.(NOT_FOUND_ANSWER);
        return { answer: NOT_FOUND_ANSWER, citations };
      }
      const client = await getService(strapi, 'ai').client();
      const stream = client.streamText(
        {
          messages: [
            { role: 'system', content: PUBLIC_SYSTEM_PROMPT },
            questionMessage(body.question, published),
          ],
          maxOutputTokens: ANSWER_TOKENS,
        },
        { feature: 'chat', userId: null, subjectDocumentId: 'public', signal: call.signal },
      );
      for await (const text of stream) call.onDelta?.(text);
      const result = await stream.result;
      await jobs().count(`ask:tokens:${utcDay(new Date())}`, result.usage.total, DAY);
      return { answer: result.text, citations };
    },
  };
};

export default chatPublicService;
export type ChatPublicService = ReturnType<typeof chatPublicService>;
