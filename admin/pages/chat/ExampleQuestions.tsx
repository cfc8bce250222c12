import { Button, Flex, Typography } from '@strapi/design-system';
import { Message } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { msg, type TranslationKey } from '../../utils/translations';

const EXAMPLES: TranslationKey[] = [
  'chat.example.pricing',
  'chat.example.drafts',
  'chat.example.plan',
];

/** Questions a new conversation can start with, one click away. */
export const ExampleQuestions = ({
  onAsk,
  disabled,
}: {
  onAsk(question: string): void;
  disabled: boolean;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="center" gap={2}>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage(msg('chat.examples.title'))}
      </Typography>
      <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
        {EXAMPLES.map((key) => {
          const question = formatMessage(msg(key));
          return (
            <li key={key}>
              <Button
                variant="secondary"
                fullWidth
                startIcon={<Message />}
                disabled={disabled}
                onClick={() => onAsk(question)}
              >
                {question}
              </Button>
            </li>
          );
        })}
      </Flex>
    </Flex>
  );
};
