import { Button, Flex, Typography } from '@strapi/design-system';
import { Feather, Plus } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { BlogDraft, ContinueBlogBody } from '../../../contracts/writers';
import { errorMessage, useApi } from '../../hooks/useApi';
import { generationKey } from '../../hooks/useWriterData';
import { msg } from '../../utils/translations';
import {
  continueBodyOf,
  move,
  newSection,
  outlineDraftOf,
  outlineProblem,
  SECTIONS_MAX,
  SECTIONS_MIN,
  type OutlineDraft,
} from './draft';
import { SectionEditor } from './SectionEditor';
import { TitleChoice } from './TitleChoice';

interface OutlineEditorProps {
  documentId: string;
  draft: BlogDraft;
}

/**
 * Two-step mode: the outline the model planned, to edit before any section is written. "Write
 * the sections" queues the same generation again with this outline.
 */
export const OutlineEditor = ({ documentId, draft }: OutlineEditorProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useApi();
  const queryClient = useQueryClient();
  const [outline, setOutline] = useState<OutlineDraft>(() => outlineDraftOf(draft));
  const [showProblem, setShowProblem] = useState(false);
  const problem = outlineProblem(outline);

  const write = useMutation({
    mutationFn: (body: ContinueBlogBody) =>
      api.post<{ documentId: string; status: string }>(`/generations/${documentId}/continue`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: generationKey(documentId) }),
    onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
  });

  const setSections = (sections: OutlineDraft['sections']) => setOutline({ ...outline, sections });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setShowProblem(true);
        if (!problem) write.mutate(continueBodyOf(outline, draft));
      }}
    >
      <Flex direction="column" alignItems="stretch" gap={5}>
        <TitleChoice
          options={draft.titleOptions}
          value={outline}
          onChange={(title) => setOutline({ ...outline, ...title })}
        />
        <Typography variant="delta" tag="h3">
          {formatMessage(msg('outline.sections'))}
        </Typography>
        <Flex tag="ol" direction="column" alignItems="stretch" gap={3}>
          {outline.sections.map((section, index) => (
            <SectionEditor
              key={section.key}
              section={section}
              index={index}
              count={outline.sections.length}
              canRemove={outline.sections.length > SECTIONS_MIN}
              onChange={(next) =>
                setSections(outline.sections.map((s, i) => (i === index ? next : s)))
              }
              onMove={(to) => setSections(move(outline.sections, index, to))}
              onRemove={() => setSections(outline.sections.filter((_, i) => i !== index))}
            />
          ))}
        </Flex>
        <Flex justifyContent="space-between" gap={2} wrap="wrap">
          <Button
            variant="secondary"
            startIcon={<Plus />}
            disabled={outline.sections.length >= SECTIONS_MAX}
            onClick={() => setSections([...outline.sections, newSection()])}
          >
            {formatMessage(msg('outline.add'))}
          </Button>
          <Button type="submit" startIcon={<Feather />} loading={write.isPending}>
            {formatMessage(msg('outline.write'))}
          </Button>
        </Flex>
        {showProblem && problem ? (
          <Typography textColor="danger600" role="alert">
            {formatMessage(msg(problem), { min: SECTIONS_MIN, max: SECTIONS_MAX })}
          </Typography>
        ) : null}
      </Flex>
    </form>
  );
};
