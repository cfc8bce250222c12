import { Divider, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { GenerationView } from '../../../contracts/generations';
import { GenerationProgress } from '../../components/GenerationProgress';
import { OutlineEditor } from '../../components/outline/OutlineEditor';
import { GenerationOutput } from '../../components/results/GenerationOutput';
import { StreamPreview } from '../../components/StreamPreview';
import type { StreamState } from '../../hooks/useStreamedPost';
import { isBlogDraft } from '../../utils/outputs';
import { msg } from '../../utils/translations';
import type { WriterMode } from '../../../writers';
import { GenerationHeader } from './GenerationHeader';

interface ResultPanelProps {
  /** The streamed run in progress (short writers); it wins over a saved generation. */
  stream?: StreamState<GenerationView> & { stop: () => void };
  generation?: GenerationView;
  /** How the generation's writer runs: a queued job has live progress to follow. */
  mode?: WriterMode;
  loading: boolean;
  /** Why the generation could not be loaded (not found, not allowed). */
  error?: string;
}

/** Where the text appears: live while it is written, then readable, with what to do next. */
export const ResultPanel = ({ stream, generation, mode, loading, error }: ResultPanelProps) => {
  const { formatMessage } = useIntl();

  if (stream && (stream.status === 'streaming' || stream.status === 'stopped')) {
    return (
      <StreamPreview
        text={stream.text}
        streaming={stream.status === 'streaming'}
        onStop={stream.stop}
      />
    );
  }
  if (loading) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>{formatMessage(msg('common.loading'))}</Loader>
      </Flex>
    );
  }
  if (error) {
    return (
      <Typography textColor="danger600" role="alert">
        {error}
      </Typography>
    );
  }
  if (!generation) {
    return <EmptyStateLayout content={formatMessage(msg('writer.result.empty'))} />;
  }

  const { output, status } = generation;
  // Two-step blog: the outline waits for review before any section is written.
  const outline =
    status === 'succeeded' && isBlogDraft(output) && output.phase === 'outline'
      ? output
      : undefined;
  const running = status === 'queued' || status === 'running';
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      <GenerationHeader key={generation.documentId} generation={generation} />
      {mode === 'job' ? (
        <GenerationProgress generation={generation} />
      ) : running ? (
        <Flex gap={2}>
          <Loader small />
          <Typography textColor="neutral600">
            {formatMessage(msg('writer.result.running'))}
          </Typography>
        </Flex>
      ) : generation.error ? (
        <Typography textColor="danger600" role="alert">
          {generation.error}
        </Typography>
      ) : null}
      <Divider />
      {outline ? (
        <OutlineEditor
          key={generation.finishedAt}
          documentId={generation.documentId}
          draft={outline}
        />
      ) : (
        <GenerationOutput generation={generation} />
      )}
    </Flex>
  );
};
