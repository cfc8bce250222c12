import { Flex, Typography } from '@strapi/design-system';
import { Discuss } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/translations';
import { ExampleQuestions } from './ExampleQuestions';

interface ChatIntroProps {
  /** No conversation open: what the chatbot is; an empty one: just how to start. */
  variant: 'welcome' | 'empty';
  onAsk(question: string): void;
  disabled: boolean;
}

/** What the transcript shows before the first question. */
export const ChatIntro = ({ variant, onAsk, disabled }: ChatIntroProps) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="center" gap={5} padding={6} textAlign="center">
      <Discuss aria-hidden width="3.2rem" height="3.2rem" fill="primary600" />
      <Flex direction="column" alignItems="center" gap={2} maxWidth="56rem">
        <Typography variant="beta" tag="h2">
          {formatMessage(msg(variant === 'welcome' ? 'chat.intro.title' : 'chat.empty.title'))}
        </Typography>
        <Typography textColor="neutral600">
          {formatMessage(msg(variant === 'welcome' ? 'chat.intro.body' : 'chat.empty.body'))}
        </Typography>
      </Flex>
      <ExampleQuestions onAsk={onAsk} disabled={disabled} />
    </Flex>
  );
};
