import { Flex } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ACTIONS } from '../../../contracts/permissions';
import { usePermissions } from '../../hooks/usePermissions';
import { msg } from '../../utils/translations';
import { AuditForm } from './AuditForm';
import { AuditHistory } from './AuditHistory';
import { RecurringAudits } from './RecurringAudits';

/** A new audit (for those who may run one) above every audit so far. */
export const SiteAnalyzerPage = () => {
  const { formatMessage } = useIntl();
  const { can } = usePermissions();
  return (
    <Page.Main>
      <Page.Title>{formatMessage(msg('site.title'))}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback=".." />}
        title={formatMessage(msg('site.title'))}
        subtitle={formatMessage(msg('site.subtitle'))}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {can(ACTIONS.siteAuditRun) ? <AuditForm /> : null}
          <RecurringAudits />
          <AuditHistory />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
