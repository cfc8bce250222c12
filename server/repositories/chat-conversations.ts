import type { Core } from '@strapi/strapi';
import type { Citation, ProposalView, ToolCallView } from '../../contracts/chat';
import type { Scope } from '../utils/permission-scope';
import { documentStore, scoped } from './document-store';

export const CHAT_SESSION_UID = 'plugin::alwrity.chat-session';
export const CHAT_MESSAGE_UID = 'plugin::alwrity.chat-message';

export interface ChatSessionRow {
  id: number;
  documentId: string;
  title: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy?: { id: number } | null;
}

export interface ChatMessageRow {
  id: number;
  documentId: string;
  role: 'user' | 'assistant' | 'tool';
  content: string | null;
  toolCalls: ToolCallView[] | null;
  citations: Citation[] | null;
  proposal: ProposalView | null;
  usage: { input: number; output: number; total: number } | null;
  createdAt: string;
  session?: { documentId: string; createdBy?: { id: number } | null } | null;
}

type MessageData = Pick<ChatMessageRow, 'role' | 'content'> &
  Partial<Pick<ChatMessageRow, 'toolCalls' | 'citations' | 'proposal' | 'usage'>>;

/** Conversations: sessions (whose they are decides who reaches them) and their messages. */
export const chatConversationsRepository = (strapi: Core.Strapi) => {
  const sessions = documentStore<ChatSessionRow, ChatSessionRow, { title: string }>(
    strapi,
    CHAT_SESSION_UID,
  );
  const messages = () => strapi.db.query(CHAT_MESSAGE_UID as never);

  return {
    sessions,

    async addMessage(sessionDocumentId: string, data: MessageData): Promise<ChatMessageRow> {
      const created = await strapi.documents(CHAT_MESSAGE_UID as never).create({
        data: { ...data, session: sessionDocumentId } as never,
      });
      // The session sorts by its last activity.
      await strapi.db
        .query(CHAT_SESSION_UID as never)
        .updateMany({ where: { documentId: sessionDocumentId }, data: { updatedAt: new Date() } });
      return (await messages().findOne({
        where: { documentId: (created as { documentId: string }).documentId },
      })) as ChatMessageRow;
    },

    messagesOf: (sessionDocumentId: string) =>
      messages().findMany({
        where: { session: { documentId: sessionDocumentId } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }) as Promise<ChatMessageRow[]>,

    /** A message, if its session is within `scope` (a proposal's Confirm and Discard). */
    async message(documentId: string, sessionScope: Scope): Promise<ChatMessageRow | null> {
      return (await messages().findOne({
        where: { documentId, session: scoped({}, sessionScope) },
        populate: {
          session: { select: ['documentId'], populate: { createdBy: { select: ['id'] } } },
        },
      })) as ChatMessageRow | null;
    },

    /** Compare-and-set on a proposal: only a pending one moves, so one Confirm writes once. */
    async settleProposal(
      id: number,
      from: ProposalView['status'],
      proposal: ProposalView,
    ): Promise<boolean> {
      return strapi.db.transaction(async ({ trx }) => {
        // Two Confirms side by side on PostgreSQL: the second waits here, then sees the first's.
        if (strapi.db.dialect.client === 'postgres') {
          await trx.raw('select id from alwrity_chat_messages where id = ? for update', [id]);
        }
        const row = (await messages().findOne({ where: { id }, select: ['proposal'] })) as {
          proposal: ProposalView | null;
        } | null;
        if (row?.proposal?.status !== from) return false;
        await messages().update({ where: { id }, data: { proposal } });
        return true;
      });
    },

    async removeSession(documentId: string) {
      const ids = (await this.messagesOf(documentId)).map((row) => row.id);
      if (ids.length) await messages().deleteMany({ where: { id: { $in: ids } } });
      await sessions.remove(documentId);
    },

    /** Sessions untouched since `before`, oldest first: what retention deletes. */
    stale: async (before: Date, limit: number) =>
      (
        (await strapi.db.query(CHAT_SESSION_UID as never).findMany({
          where: { updatedAt: { $lt: before } },
          select: ['documentId'],
          orderBy: { updatedAt: 'asc' },
          limit,
        })) as { documentId: string }[]
      ).map((row) => row.documentId),
  };
};

export type ChatConversationsRepository = ReturnType<typeof chatConversationsRepository>;
