import { Box } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { ACTIONS } from '../../../contracts/permissions';
import { errorMessage } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { useGeneration, useWriters } from '../../hooks/useWriterData';
import { historyPath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { ResultPanel } from '../writer/ResultPanel';

/**
 * One generation for readers of the history who may not use the writers: the same result view
 * as the writer page, without the form. Those who may use them are sent to the writer instead.
 */
export const HistoryDetailPage = () => {
  const { formatMessage } = useIntl();
  const { documentId } = useParams<{ documentId: string }>();
  const { can } = usePermissions();
  const generation = useGeneration(documentId);
  // The catalogue says which writers run as jobs; only writer users may read it.
  const writers = useWriters(can(ACTIONS.writerUse));
  const view = generation.data?.data;
  const mode = writers.data?.data.find((writer) => writer.id === view?.kind)?.mode;

  return (
    <Page.Main aria-busy={generation.isLoading}>
      <Page.Title>{view?.title ?? formatMessage(msg('history.title'))}</Page.Title>
      <Layouts.Header
        title={view?.title ?? formatMessage(msg('history.untitled'))}
        navigationAction={<BackButton fallback={historyPath()} />}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <ResultPanel
            generation={view}
            mode={mode}
            loading={generation.isLoading}
            error={generation.isError ? errorMessage(generation.error) : undefined}
          />
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
