import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  NOT_FOUND_ANSWER,
  type ChatMessageView,
  type ChatSessionView,
  type ChatStreamEvent,
  type Citation,
  type ProposalView,
  type SearchHit,
  type SendMessageBody,
} from '../../contracts/chat';
import { paginationOf } from '../../contracts/jobs';
import type { AiClient } from '../ai/client';
import type { ChatMessage, TokenUsage, ToolCall } from '../ai/types';
import { SYSTEM_PROMPT, questionMessage, type Passage } from '../chat/prompt';
import { createToolRunner, passageOf, type ChatActor } from '../chat/tool-runner';
import { TOOL_SPECS } from '../chat/tools';
import {
  chatConversationsRepository,
  type ChatMessageRow,
  type ChatSessionRow,
} from '../repositories/chat-conversations';
import { ConflictError } from '../utils/http-errors';
import type { Scope } from '../utils/permission-scope';
import { pluginConfig } from '../utils/plugin-config';
import { getService } from '../utils/services';
import type { StreamedCall } from '../utils/streamed-answer';

/** Passages retrieved for a question before the model is asked. */
const PASSAGES = 6;
/** Earlier messages of the conversation the model sees. */
const HISTORY = 12;
/** Tool rounds in one turn before the answer is cut short. */
const MAX_ROUNDS = 4;
const DEFAULT_TITLE = 'New conversation';
const DAY = 86_400_000;
const PURGE_BATCH = 100;
export const CHAT_RETENTION_QUEUE = 'alwrity-chat-retention';

const toSessionView = (row: ChatSessionRow): ChatSessionView => ({
  documentId: row.documentId,
  title: row.title ?? DEFAULT_TITLE,
  createdAt: new Date(row.createdAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

export const toMessageView = (row: ChatMessageRow): ChatMessageView => ({
  documentId: row.documentId,
  role: row.role,
  content: row.content ?? '',
  createdAt: new Date(row.createdAt).toISOString(),
  toolCalls: row.toolCalls ?? [],
  citations: row.citations ?? [],
  proposal: row.proposal ? { ...row.proposal, id: row.documentId } : null,
});

/** Earlier turns as the model reads them: questions and final answers, not tool rounds. */
const historyOf = (rows: ChatMessageRow[]): ChatMessage[] =>
  rows
    .filter((row) => row.role === 'user' || (row.role === 'assistant' && !row.toolCalls?.length))
    .slice(-HISTORY)
    .map((row) => ({ role: row.role as 'user' | 'assistant', content: row.content ?? '' }));

const addUsage = (a: TokenUsage, b: TokenUsage): TokenUsage => ({
  input: a.input + b.input,
  output: a.output + b.output,
  total: a.total + b.total,
});

/** What `prepare` gathered for one turn. */
export interface PreparedTurn {
  session: ChatSessionRow;
  history: ChatMessageRow[];
  hits: SearchHit[];
  client: AiClient;
}

const chatService = ({ strapi }: { strapi: Core.Strapi }) => {
  const conversations = chatConversationsRepository(strapi);

  const sessionOf = async (documentId: string, scope: Scope) => {
    const session = await conversations.sessions.find(documentId, scope);
    if (!session) throw new errors.NotFoundError(`No conversation with id ${documentId}.`);
    return session;
  };

  const proposalMessage = async (id: string, scope: Scope) => {
    const row = await conversations.message(id, scope);
    if (!row?.proposal) throw new errors.NotFoundError(`No proposal with id ${id}.`);
    return row;
  };

  return {
    async list(page: { page: number; pageSize: number }, scope?: Scope) {
      const { rows, total } = await conversations.sessions.page({}, page, scope, [
        { updatedAt: 'desc' },
        { id: 'desc' },
      ]);
      return { data: rows.map(toSessionView), meta: { pagination: paginationOf(page, total) } };
    },

    async create(body: { title?: string }, actor: { id: number }) {
      const { documentId } = await conversations.sessions.create(
        { title: body.title ?? DEFAULT_TITLE },
        actor.id,
      );
      return toSessionView((await conversations.sessions.find(documentId))!);
    },

    async get(documentId: string, scope: Scope) {
      const session = await sessionOf(documentId, scope);
      const messages = await conversations.messagesOf(documentId);
      return { ...toSessionView(session), messages: messages.map(toMessageView) };
    },

    async update(documentId: string, body: { title: string }, scope: Scope) {
      await sessionOf(documentId, scope);
      await conversations.sessions.update(documentId, { title: body.title });
      return toSessionView((await conversations.sessions.find(documentId))!);
    },

    async remove(documentId: string, scope?: Scope) {
      await sessionOf(documentId, scope ?? {});
      await conversations.removeSession(documentId);
    },

    /**
     * Everything a turn needs before the model is asked, side by side: the conversation (404),
     * whether a call may be made (no provider, quota), its history, the passages retrieved for
     * the question under the user's read permission, and the client. What refuses the message
     * refuses it here, before anything streams or is written.
     */
    async prepare(
      documentId: string,
      body: SendMessageBody,
      actor: ChatActor,
      scope: Scope,
    ): Promise<PreparedTurn> {
      const ai = getService(strapi, 'ai');
      const [session, , history, hits, client] = await Promise.all([
        sessionOf(documentId, scope),
        ai.ensureCanCall(actor.id),
        conversations.messagesOf(documentId),
        getService(strapi, 'chat-search').search(
          actor.ability,
          { query: body.content, locale: body.locale, drafts: body.drafts, limit: PASSAGES },
          actor.id,
        ),
        ai.client(),
      ]);
      return { session, history, hits, client };
    },

    /**
     * One turn: the passages, then the model with its tools (each run for the user), round
     * after round until it answers. With nothing retrieved and no tool used, the answer is that
     * nothing was found, whatever the model wrote. Every message of the turn is kept; `call`
     * hears them (and the answer's text) as they come.
     */
    async send(
      turn: PreparedTurn,
      body: SendMessageBody,
      actor: ChatActor,
      call: StreamedCall = { signal: new AbortController().signal },
    ): Promise<ChatMessageView[]> {
      const { session, history, hits, client } = turn;
      const { documentId } = session;
      const emit = (event: ChatStreamEvent) => {
        if (event.type === 'delta') call.onDelta?.(event.text);
        else call.onEvent?.(event.type, event);
      };
      let cited = 0;
      const nextCitation = () => (cited += 1);
      const passages: Passage[] = hits.map((hit) => passageOf(strapi, hit, nextCitation()));
      const citations: Citation[] = passages.map((passage) => passage.citation);
      emit({ type: 'citations', citations });

      // The question is saved whatever the answer does, but once the model has been asked and
      // its first words are out: a write (synchronous on SQLite) would hold them back. So it
      // waits for the event loop's next turn, when the first words have reached the socket.
      let asking: Promise<ChatMessageRow> | undefined;
      let pending: NodeJS.Immediate | undefined;
      const ask = () => {
        asking ??= (async () => {
          const row = await conversations.addMessage(documentId, {
            role: 'user',
            content: body.content,
          });
          if (session.title === DEFAULT_TITLE && !history.length) {
            await conversations.sessions.update(documentId, { title: body.content.slice(0, 80) });
          }
          return row;
        })();
        return asking;
      };
      const written: ChatMessageRow[] = [];
      const messages: ChatMessage[] = [
        { role: 'system', content: SYSTEM_PROMPT },
        ...historyOf(history),
        questionMessage(body.content, passages),
      ];
      const runTool = createToolRunner(strapi, actor, {
        drafts: body.drafts,
        locale: body.locale,
        nextCitation,
      });
      let usage: TokenUsage = { input: 0, output: 0, total: 0 };
      let toolsUsed = false;
      let answer: string | null = null;

      for (let round = 0; round < MAX_ROUNDS && answer === null; round += 1) {
        // With nothing found, the text is held back until it is known whether a tool answers.
        const live = citations.length > 0 || toolsUsed;
        const stream = client.streamText(
          { messages, tools: TOOL_SPECS },
          { feature: 'chat', userId: actor.id, subjectDocumentId: documentId, signal: call.signal },
        );
        let result;
        try {
          for await (const text of stream) {
            if (live) emit({ type: 'delta', text });
            pending ??= setImmediate(() => void ask().catch(() => undefined));
          }
          result = await stream.result;
        } catch (error) {
          await ask();
          throw error;
        }
        usage = addUsage(usage, result.usage);
        if (!result.toolCalls?.length) {
          answer = live ? result.text : NOT_FOUND_ANSWER;
          if (!live) emit({ type: 'delta', text: answer });
          break;
        }
        toolsUsed = true;
        const calls: ToolCall[] = result.toolCalls;
        if (!written.length) written.push(await ask());
        written.push(
          await conversations.addMessage(documentId, {
            role: 'assistant',
            content: result.text,
            toolCalls: calls,
          }),
        );
        messages.push({ role: 'assistant', content: result.text, toolCalls: calls });
        for (const call of calls) {
          const outcome = await runTool(call);
          for (const passage of outcome.passages ?? []) citations.push(passage.citation);
          const content = JSON.stringify(outcome.result);
          const message = await conversations.addMessage(documentId, {
            role: 'tool',
            content,
            toolCalls: [call],
            citations: outcome.passages?.map((passage) => passage.citation) ?? [],
            proposal: outcome.proposal
              ? ({ ...outcome.proposal, status: 'pending' } as ProposalView)
              : null,
          });
          written.push(message);
          emit({ type: 'tool', message: toMessageView(message) });
          messages.push({ role: 'tool', toolCallId: call.id, name: call.name, content });
        }
      }
      if (!written.length) written.push(await ask());
      written.push(
        await conversations.addMessage(documentId, {
          role: 'assistant',
          content:
            answer ??
            'I stopped before answering: the question needed more tool calls than allowed.',
          citations,
          usage,
        }),
      );
      return written.map(toMessageView);
    },

    /**
     * Makes a proposed write, as a draft, through the content manager's permission checker and
     * sanitizer: refused (403, nothing written) when the user may not; once only.
     */
    async confirm(id: string, actor: ChatActor, scope: Scope): Promise<ProposalView> {
      const row = await proposalMessage(id, scope);
      const proposal = row.proposal!;
      if (proposal.status !== 'pending') {
        throw new ConflictError(`This proposal was already ${proposal.status}.`);
      }
      const editor = { user: actor.user, userAbility: actor.ability };
      const drafts = getService(strapi, 'drafts');
      // Claimed first, so a second Confirm arriving meanwhile writes nothing.
      const claimed = { ...proposal, status: 'confirmed' as const };
      if (!(await conversations.settleProposal(row.id, 'pending', claimed))) {
        throw new ConflictError('This proposal is already being confirmed.');
      }
      try {
        const entry =
          proposal.kind === 'create'
            ? await drafts.createEntry(editor, {
                uid: proposal.uid,
                locale: proposal.locale,
                values: proposal.fields,
              })
            : await drafts.updateField(
                editor,
                { uid: proposal.uid, documentId: proposal.documentId, locale: proposal.locale },
                proposal.field,
                proposal.after,
                proposal.before,
              );
        const done = { ...claimed, entry };
        await conversations.settleProposal(row.id, 'confirmed', done);
        return { ...done, id: row.documentId };
      } catch (error) {
        await conversations.settleProposal(row.id, 'confirmed', proposal);
        throw error;
      }
    },

    /**
     * Retention: deletes the conversations untouched for `chat.retentionDays` days (none when 0),
     * their messages with them. Answers how many went.
     */
    async purge(now = new Date()): Promise<number> {
      const { retentionDays } = pluginConfig(strapi).chat;
      if (!retentionDays) return 0;
      const before = new Date(now.getTime() - retentionDays * DAY);
      let removed = 0;
      for (;;) {
        const stale = await conversations.stale(before, PURGE_BATCH);
        for (const documentId of stale) await conversations.removeSession(documentId);
        removed += stale.length;
        if (stale.length < PURGE_BATCH) return removed;
      }
    },

    /** The daily job that runs `purge`, whichever process picks it up. */
    retention: {
      queue: CHAT_RETENTION_QUEUE,
      repeat: { pattern: '17 3 * * *', tz: 'UTC' },
      processor: async () => ({ removed: await getService(strapi, 'chat').purge() }),
    },

    async discard(id: string, scope: Scope): Promise<ProposalView> {
      const row = await proposalMessage(id, scope);
      const discarded = { ...row.proposal!, status: 'discarded' as const };
      if (!(await conversations.settleProposal(row.id, 'pending', discarded))) {
        throw new ConflictError(`This proposal was already ${row.proposal!.status}.`);
      }
      return { ...discarded, id: row.documentId };
    },
  };
};

export default chatService;
export type ChatService = ReturnType<typeof chatService>;
