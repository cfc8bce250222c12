import { Status, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { JobStatus } from '../../contracts/jobs';
import { msg } from '../utils/translations';

const VARIANTS: Record<JobStatus, 'secondary' | 'primary' | 'success' | 'danger' | 'neutral'> = {
  queued: 'secondary',
  running: 'primary',
  succeeded: 'success',
  failed: 'danger',
  canceled: 'neutral',
};

export const JobStatusBadge = ({ status }: { status: JobStatus }) => {
  const { formatMessage } = useIntl();
  return (
    <Status variant={VARIANTS[status]} size="S">
      <Typography fontWeight="bold" textColor={`${VARIANTS[status]}700`}>
        {formatMessage(msg(`jobs.status.${status}`))}
      </Typography>
    </Status>
  );
};
