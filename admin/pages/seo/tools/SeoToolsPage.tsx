import { Box, Tabs } from '@strapi/design-system';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { ACTIONS } from '../../../../contracts/permissions';
import { usePermissions } from '../../../hooks/usePermissions';
import { msg, type TranslationKey } from '../../../utils/translations';
import { AltTextTool } from './AltTextTool';
import { ContentGapTool } from './ContentGapTool';
import { KeywordsTool } from './KeywordsTool';
import { MetaTool } from './MetaTool';
import { StructuredDataTool } from './StructuredDataTool';

/** The meta generator is a writer's run: it needs the writer permission too. */
const NEEDS_WRITER = new Set(['meta']);

const TOOLS = [
  { id: 'keywords', label: 'seo.tools.tab.keywords', Tool: KeywordsTool },
  { id: 'meta', label: 'seo.tools.tab.meta', Tool: MetaTool },
  { id: 'gap', label: 'seo.tools.tab.gap', Tool: ContentGapTool },
  { id: 'structured', label: 'seo.tools.tab.structured', Tool: StructuredDataTool },
  { id: 'alt', label: 'seo.tools.tab.alt', Tool: AltTextTool },
] as const satisfies readonly { id: string; label: TranslationKey; Tool: () => JSX.Element }[];

/** The SEO tools, one tab each; the tab is in the address so a link opens it. */
export const SeoToolsPage = () => {
  const { formatMessage } = useIntl();
  const [params, setParams] = useSearchParams();
  const { can } = usePermissions();
  const tools = TOOLS.filter((tool) => !NEEDS_WRITER.has(tool.id) || can(ACTIONS.writerUse));
  const current = tools.find((tool) => tool.id === params.get('tool'))?.id ?? tools[0]!.id;
  return (
    <Page.Main>
      <Page.Title>{formatMessage(msg('seo.tools.title'))}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton />}
        title={formatMessage(msg('seo.tools.title'))}
        subtitle={formatMessage(msg('seo.tools.subtitle'))}
      />
      <Layouts.Content>
        <Tabs.Root
          value={current}
          onValueChange={(tool: string) => setParams({ tool }, { replace: true })}
        >
          <Tabs.List aria-label={formatMessage(msg('seo.tools.title'))}>
            {tools.map((tool) => (
              <Tabs.Trigger key={tool.id} value={tool.id}>
                {formatMessage(msg(tool.label))}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          {tools.map(({ id, Tool }) => (
            <Tabs.Content key={id} value={id}>
              <Box paddingTop={5}>
                <Tool />
              </Box>
            </Tabs.Content>
          ))}
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
