import { Flex, Loader } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { lazy, Suspense } from 'react';
import { useIntl } from 'react-intl';
import { ACTIONS } from '../../../contracts/permissions';
import { usePermissions } from '../../hooks/usePermissions';
import { msg } from '../../utils/translations';

// On every edit view: the engine, the panel and its data layer load only when an entry is opened.
const SeoPanelContent = lazy(() =>
  import('./SeoPanelContent').then((module) => ({ default: module.SeoPanelWithData })),
);

/** The edit view's "SEO" side panel, for users who may use the SEO tools. */
export const SeoPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { can } = usePermissions();
  if (!can(ACTIONS.seoUse) || !model.startsWith('api::')) return null;
  const locale = (document as { locale?: string | null } | undefined)?.locale ?? null;
  return {
    title: formatMessage(msg('seo.panel.title')),
    content: (
      <Suspense
        fallback={
          <Flex justifyContent="center" padding={4}>
            <Loader small />
          </Flex>
        }
      >
        <SeoPanelContent model={model} documentId={documentId} locale={locale} />
      </Suspense>
    ),
  };
};
