import { Magic } from '@strapi/icons';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { lazy } from 'react';
import { useIntl } from 'react-intl';
import { ACTIONS } from '../../../contracts/permissions';
import { usePermissions } from '../../hooks/usePermissions';
import { LoadingModalBody } from '../LoadingModalBody';
import { msg } from '../../utils/translations';

// Registered on every edit view: the dialog (and the schemas it validates with) loads on first use.
const RewriteDialog = lazy(() =>
  import('./RewriteDialog').then((module) => ({ default: module.RewriteDialog })),
);

const RewriteDialogLoader = ({ onClose }: { onClose: () => void }) => (
  <LoadingModalBody>
    <RewriteDialog onClose={onClose} />
  </LoadingModalBody>
);

/** The Content Manager's "Write with AI" action, for users who may use the writers. */
export const WriteWithAiAction: DocumentActionComponent = () => {
  const { formatMessage } = useIntl();
  const { can } = usePermissions();
  if (!can(ACTIONS.writerUse)) return null;
  return {
    label: formatMessage(msg('rewrite.action')),
    icon: <Magic />,
    position: 'panel',
    dialog: {
      type: 'modal',
      title: formatMessage(msg('rewrite.title')),
      content: RewriteDialogLoader,
    },
  };
};
