import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { SiteAuditSummary } from '../../../contracts/site-audits';
import { errorMessage } from '../../hooks/useApi';
import { msg } from '../../utils/translations';
import { useExportIssues } from './useSiteAudits';

/** Every open issue of the audit, one a row, for a spreadsheet or a ticket tracker. */
export const ExportIssuesButton = ({ audit }: { audit: SiteAuditSummary }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const exportIssues = useExportIssues();
  return (
    <Button
      variant="secondary"
      startIcon={<Download />}
      loading={exportIssues.isPending}
      onClick={() =>
        exportIssues.mutate(audit, {
          onError: (error) =>
            toggleNotification({
              type: 'danger',
              message: formatMessage(msg('site.export.failed'), { error: errorMessage(error) }),
            }),
        })
      }
    >
      {formatMessage(msg('site.export'))}
    </Button>
  );
};
