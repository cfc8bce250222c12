import {
  Box,
  Field,
  Flex,
  IconButton,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { ArrowDown, ArrowUp, Trash } from '@strapi/icons';
import type { ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/translations';
import type { SectionDraft } from './draft';

interface SectionEditorProps {
  section: SectionDraft;
  index: number;
  count: number;
  canRemove: boolean;
  onChange: (section: SectionDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One planned section: its heading, its points (one a line), and buttons to move or drop it. */
export const SectionEditor = (props: SectionEditorProps) => {
  const { section, index, count, canRemove, onChange, onMove, onRemove } = props;
  const { formatMessage } = useIntl();
  const number = { index: index + 1 };
  const id = `outline-section-${section.key}`;
  return (
    <Box tag="li" background="neutral100" hasRadius padding={4}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" gap={2}>
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage(msg('outline.section'), number)}
          </Typography>
          <Flex gap={1}>
            <IconButton
              label={formatMessage(msg('outline.moveUp'), number)}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
            >
              <ArrowUp />
            </IconButton>
            <IconButton
              label={formatMessage(msg('outline.moveDown'), number)}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            >
              <ArrowDown />
            </IconButton>
            <IconButton
              label={formatMessage(msg('outline.remove'), number)}
              disabled={!canRemove}
              onClick={onRemove}
            >
              <Trash />
            </IconButton>
          </Flex>
        </Flex>
        <Field.Root id={`${id}-heading`} name={`${id}-heading`} required>
          <Field.Label>{formatMessage(msg('outline.heading'), number)}</Field.Label>
          <TextInput
            value={section.heading}
            maxLength={200}
            onChange={(event: ChangeEvent<HTMLInputElement>) =>
              onChange({ ...section, heading: event.target.value })
            }
          />
        </Field.Root>
        <Field.Root
          id={`${id}-points`}
          name={`${id}-points`}
          hint={formatMessage(msg('outline.points.hint'))}
        >
          <Field.Label>{formatMessage(msg('outline.points'), number)}</Field.Label>
          <Textarea
            value={section.points}
            onChange={(event: ChangeEvent<HTMLTextAreaElement>) =>
              onChange({ ...section, points: event.target.value })
            }
          />
          <Field.Hint />
        </Field.Root>
      </Flex>
    </Box>
  );
};
