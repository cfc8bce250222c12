import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { charCount } from '../../../writers/limits';
import { msg } from '../../utils/translations';

interface CharCountProps {
  text: string;
  max: number;
  min?: number;
}

/** "57 / 60 characters", red when outside what the target (a search result, a network) allows. */
export const CharCount = ({ text, max, min = 0 }: CharCountProps) => {
  const { formatMessage } = useIntl();
  const count = charCount(text);
  const within = count >= min && count <= max;
  return (
    <Typography variant="pi" textColor={within ? 'neutral600' : 'danger600'}>
      {formatMessage(msg(min ? 'result.chars.range' : 'result.chars'), { count, min, max })}
    </Typography>
  );
};
