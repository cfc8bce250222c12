import { Flex, LinkButton, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { GenerationView } from '../../../contracts/generations';
import { OUTPUT_SLOTS, type SavedDraft } from '../../../contracts/writers';
import { ACTIONS } from '../../../contracts/permissions';
import { slotsOf } from '../../../writers/save-mapping';
import { JobStatusBadge } from '../../components/JobStatusBadge';
import { OpenInContentManager } from '../../components/OpenInContentManager';
import { SaveDraftDialog } from '../../components/save/SaveDraftDialog';
import { usePermissions } from '../../hooks/usePermissions';
import { COST_FORMAT } from '../../utils/cost';
import { formatDuration } from '../../utils/format';
import { isBlogDraft } from '../../utils/outputs';
import { duplicatePath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { isWriterId } from '../../utils/writers';

/** Only a finished text can become an entry: not an outline waiting for review. */
const canSave = (generation: GenerationView) =>
  generation.status === 'succeeded' &&
  (!isBlogDraft(generation.output) || generation.output.phase === 'done');

/** The pieces of this output a content type's fields can take, in the form's order. */
const slotsOfGeneration = (generation: GenerationView) => {
  const slots = slotsOf(generation.kind, generation.output);
  return OUTPUT_SLOTS.filter((slot) => slots[slot] !== undefined);
};

/** Who, what it cost, and what to do with it: save as a draft entry, open it, duplicate it. */
export const GenerationHeader = ({ generation }: { generation: GenerationView }) => {
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const { can } = usePermissions();
  // Shown at once after saving, before the generation is fetched again with its target.
  const [saved, setSaved] = useState<SavedDraft>();
  const target = saved ?? generation.target;
  const facts = [
    generation.author?.name,
    formatDate(generation.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
    generation.model,
    generation.costEstimate === null
      ? undefined
      : formatNumber(generation.costEstimate, COST_FORMAT),
    generation.durationMs === null ? undefined : formatDuration(generation.durationMs),
  ].filter(Boolean);

  return (
    <Flex justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Flex gap={2}>
          <JobStatusBadge status={generation.status} />
          <Typography variant="pi" textColor="neutral600">
            {facts.join(' · ')}
          </Typography>
        </Flex>
      </Flex>
      <Flex gap={2} wrap="wrap">
        {isWriterId(generation.kind) && can(ACTIONS.writerUse) ? (
          <LinkButton
            tag={Link}
            to={duplicatePath(generation.documentId)}
            variant="tertiary"
            startIcon={<Duplicate />}
          >
            {formatMessage(msg('writer.duplicate'))}
          </LinkButton>
        ) : null}
        {canSave(generation) ? (
          <SaveDraftDialog
            documentId={generation.documentId}
            slots={slotsOfGeneration(generation)}
            onSaved={setSaved}
          />
        ) : null}
        {target ? <OpenInContentManager target={target} /> : null}
      </Flex>
    </Flex>
  );
};
