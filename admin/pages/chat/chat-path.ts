import { PLUGIN_ID } from '../../../contracts/permissions';

/** The chat page, with a conversation open when given (admin-relative, like `utils/paths`). */
export const chatPath = (documentId?: string) =>
  `/plugins/${PLUGIN_ID}/chat${documentId ? `/${documentId}` : ''}`;
