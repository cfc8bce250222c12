import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Severity } from '../../../analysis/site/types';
import { msg } from '../../utils/translations';

const TONE: Record<Severity, 'danger' | 'warning' | 'neutral'> = {
  error: 'danger',
  warning: 'warning',
  notice: 'neutral',
};

export const SeverityBadge = ({ severity }: { severity: Severity }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge backgroundColor={`${TONE[severity]}100`} textColor={`${TONE[severity]}700`}>
      {formatMessage(msg(`site.severity.${severity}`))}
    </Badge>
  );
};
