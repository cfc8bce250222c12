import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { Check, Cross } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { ProposalView } from '../../../contracts/chat';
import type { SavedDraft } from '../../../contracts/writers';
import { OpenInContentManager } from '../../components/OpenInContentManager';
import { errorMessage } from '../../hooks/useApi';
import { msg } from '../../utils/translations';
import { ScrollingText } from './ScrollingText';
import { TextDiff } from './TextDiff';
import { useProposalAction } from './useProposalAction';

const FieldValue = ({ label, value }: { label: string; value: string }) => (
  <ScrollingText label={label} maxHeight="200px">
    {value}
  </ScrollingText>
);

const targetOf = (proposal: ProposalView): SavedDraft | undefined =>
  proposal.entry ??
  (proposal.kind === 'update'
    ? { uid: proposal.uid, documentId: proposal.documentId, locale: proposal.locale }
    : undefined);

/**
 * A write the model proposed: the fields of a new draft, or one field's change as a diff. Only
 * Confirm makes it, as a draft, with the user's own content-manager permissions; a refusal is
 * shown here and the proposal stays open.
 */
export const ProposalCard = ({
  sessionId,
  proposal,
}: {
  sessionId: string;
  proposal: ProposalView;
}) => {
  const { formatMessage } = useIntl();
  const action = useProposalAction(sessionId, proposal.id);
  // A stored settlement wins; until the conversation is fetched again, the answer to the click.
  const shown = proposal.status === 'pending' ? (action.data ?? proposal) : proposal;
  const busy = action.isPending;
  const target = targetOf(shown);
  const facts = [shown.typeName, shown.locale].filter(Boolean).join(' · ');

  return (
    <Box
      role="group"
      aria-label={formatMessage(
        msg(shown.kind === 'create' ? 'chat.proposal.create' : 'chat.proposal.update'),
      )}
      background="neutral100"
      borderColor="secondary200"
      hasRadius
      padding={4}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" gap={2} wrap="wrap">
          <Typography variant="delta" tag="h3">
            {shown.kind === 'create'
              ? formatMessage(msg('chat.proposal.create.title'), { type: shown.typeName })
              : formatMessage(msg('chat.proposal.update.title'), { title: shown.title })}
          </Typography>
          <Badge>{facts}</Badge>
        </Flex>

        {shown.kind === 'create' ? (
          <Flex tag="dl" direction="column" alignItems="stretch" gap={3}>
            {Object.entries(shown.fields).map(([field, value]) => (
              <Flex key={field} direction="column" alignItems="stretch" gap={1}>
                <Typography tag="dt" variant="sigma" textColor="neutral600">
                  {field}
                </Typography>
                <dd>
                  <FieldValue label={field} value={value} />
                </dd>
              </Flex>
            ))}
          </Flex>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={1}>
            <Typography variant="sigma" textColor="neutral600">
              {formatMessage(msg('chat.proposal.field'), { field: shown.field })}
            </Typography>
            <TextDiff
              before={shown.before}
              after={shown.after}
              label={formatMessage(msg('chat.proposal.diff'), { field: shown.field })}
            />
          </Flex>
        )}

        {shown.status === 'pending' ? (
          <Flex direction="column" alignItems="stretch" gap={2}>
            {action.error ? (
              <Typography textColor="danger600" role="alert">
                {errorMessage(action.error)}
              </Typography>
            ) : null}
            <Flex gap={2} wrap="wrap">
              <Button
                startIcon={<Check />}
                loading={busy && action.variables === 'confirm'}
                disabled={busy}
                onClick={() => action.mutate('confirm')}
              >
                {formatMessage(msg('chat.proposal.confirm'))}
              </Button>
              <Button
                variant="tertiary"
                startIcon={<Cross />}
                loading={busy && action.variables === 'discard'}
                disabled={busy}
                onClick={() => action.mutate('discard')}
              >
                {formatMessage(msg('chat.proposal.discard'))}
              </Button>
            </Flex>
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(msg('chat.proposal.hint'))}
            </Typography>
          </Flex>
        ) : (
          <Flex gap={3} wrap="wrap" role="status">
            {shown.status === 'confirmed' ? (
              <>
                <Typography textColor="success600" fontWeight="bold">
                  {formatMessage(msg('chat.proposal.saved'))}
                </Typography>
                {target ? <OpenInContentManager target={target} /> : null}
              </>
            ) : shown.status === 'discarded' ? (
              <Typography textColor="neutral600" fontWeight="bold">
                {formatMessage(msg('chat.proposal.discarded'))}
              </Typography>
            ) : (
              <Typography textColor="danger600">
                {formatMessage(msg('chat.proposal.failed'), { error: shown.error ?? '' })}
              </Typography>
            )}
          </Flex>
        )}
      </Flex>
    </Box>
  );
};
