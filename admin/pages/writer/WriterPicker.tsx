import { Box, Tabs, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/translations';
import { WRITER_TEXT, type WriterDescriptor, type WriterId } from '../../utils/writers';

interface WriterPickerProps {
  writers: readonly WriterDescriptor[];
  value: WriterId;
  onChange: (writer: WriterId) => void;
  /** The chosen writer's panel: its form and its result. */
  children: ReactNode;
}

/** One tab per writer (arrow keys move between them), named as people call the format. */
export const WriterPicker = ({ writers, value, onChange, children }: WriterPickerProps) => {
  const { formatMessage } = useIntl();
  return (
    <Tabs.Root
      value={value}
      onValueChange={(next) => {
        const chosen = writers.find((writer) => writer.id === next);
        if (chosen) onChange(chosen.id);
      }}
    >
      <Tabs.List aria-label={formatMessage(msg('writer.picker'))}>
        {writers.map((writer) => (
          <Tabs.Trigger key={writer.id} value={writer.id}>
            {formatMessage(msg(WRITER_TEXT[writer.id].name))}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {writers.map((writer) => (
        <Tabs.Content key={writer.id} value={writer.id}>
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Box paddingBottom={6}>
              <Typography textColor="neutral600">
                {formatMessage(msg(WRITER_TEXT[writer.id].description))}
              </Typography>
            </Box>
            {writer.id === value ? children : null}
          </Box>
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
};
