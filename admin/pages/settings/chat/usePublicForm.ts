import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { PublicSettings } from '../../../../contracts/chat';
import { msg } from '../../../utils/translations';
import { fieldErrorsOf } from './api-errors';
import { changesOf, draftFrom, fieldId, problemsOf, type PublicDraft } from './public-draft';
import { useSavePublic } from './useChatSettings';

/**
 * The public settings form's state: the edits over the saved settings, what is wrong with them
 * (the form's own checks, then the server's), and Save.
 */
export const usePublicForm = (saved: PublicSettings) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const save = useSavePublic();
  const [draft, setDraft] = useState<PublicDraft>();
  // Problems show once Save was tried, not while a field is still being filled in.
  const [tried, setTried] = useState(false);
  const shown = draft ?? draftFrom(saved);
  const body = changesOf(shown, saved);
  const problems = problemsOf(shown);
  const serverErrors = fieldErrorsOf(save.error);

  /** Keyed as the server names fields: `questionMax`, `types.<uid>.urlPattern`. */
  const errorOf = (field: string): string | undefined => {
    const problem = tried ? problems[field] : undefined;
    if (problem) return formatMessage(msg(problem.key), 'values' in problem ? problem.values : {});
    return serverErrors[field];
  };

  const edit = (next: Partial<PublicDraft>) => {
    setDraft({ ...shown, ...next });
    // The server's complaint was about the values just changed.
    if (save.error) save.reset();
  };

  const submit = () => {
    const first = Object.keys(problems)[0];
    if (first) {
      setTried(true);
      // After the render that shows the errors, so the field focused says what is wrong.
      window.requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
      return;
    }
    save.mutate(body, {
      onSuccess: () => {
        setDraft(undefined);
        setTried(false);
        toggleNotification({
          type: 'success',
          message: formatMessage(msg('chat.settings.public.saved')),
        });
      },
    });
  };

  return {
    shown,
    changed: Object.keys(body).length > 0,
    errorOf,
    edit,
    submit,
    saving: save.isPending,
    error: save.error,
  };
};
