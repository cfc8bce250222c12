import { Search } from '@strapi/icons';
import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { lazy } from 'react';
import { useIntl } from 'react-intl';
import { ACTIONS } from '../../../contracts/permissions';
import { usePermissions } from '../../hooks/usePermissions';
import { LoadingModalBody } from '../LoadingModalBody';
import { msg } from '../../utils/translations';

// On every edit view: the dialog, its preview and its data layer load on first use.
const MetaDialog = lazy(() =>
  import('./MetaDialog').then((module) => ({ default: module.MetaDialogWithData })),
);

/** "Generate meta title and description": variants from the AI writer, applied on click. */
export const MetaAction: DocumentActionComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { can } = usePermissions();
  if (!can(ACTIONS.seoUse) || !can(ACTIONS.writerUse) || !model.startsWith('api::')) return null;
  const locale = (document as { locale?: string | null } | undefined)?.locale ?? null;
  return {
    label: formatMessage(msg('seo.meta.action')),
    icon: <Search />,
    position: 'panel',
    dialog: {
      type: 'modal',
      title: formatMessage(msg('seo.meta.title')),
      content: ({ onClose }: { onClose: () => void }) => (
        <LoadingModalBody>
          <MetaDialog model={model} documentId={documentId} locale={locale} onClose={onClose} />
        </LoadingModalBody>
      ),
    },
  };
};
