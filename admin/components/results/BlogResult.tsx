import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { BlogDraft } from '../../../contracts/writers';
import { META_DESCRIPTION_RANGE, META_TITLE_MAX } from '../../../writers/blog';
import { msg } from '../../utils/translations';
import { CharCount } from './CharCount';
import { MarkdownText } from './MarkdownText';
import { RegenerateSection } from './RegenerateSection';
import { ResultField } from './ResultField';
import { TagList } from './TagList';

interface BlogResultProps {
  draft: BlogDraft;
  documentId: string;
  /** Sections can be rewritten once the post is finished. */
  canRegenerate: boolean;
}

/**
 * The post as far as it is written: finished parts in order, the outline's headings still to
 * come greyed out, so a reopened page shows where a long run stands.
 */
export const BlogResult = ({ draft, documentId, canRegenerate }: BlogResultProps) => {
  const { formatMessage } = useIntl();
  const pending = draft.outline.slice(draft.sections.length);
  return (
    <Flex direction="column" alignItems="stretch" gap={5}>
      {draft.title ? (
        <Typography variant="beta" tag="h2">
          {draft.title}
        </Typography>
      ) : null}
      {draft.introduction ? (
        <ResultField label={formatMessage(msg('result.introduction'))}>
          <MarkdownText>{draft.introduction}</MarkdownText>
        </ResultField>
      ) : null}
      {draft.sections.map((section, index) => (
        <Flex
          key={index}
          tag="section"
          aria-labelledby={`${documentId}-section-${index}`}
          direction="column"
          alignItems="stretch"
          gap={2}
        >
          <Typography variant="delta" tag="h3" id={`${documentId}-section-${index}`}>
            {section.heading}
          </Typography>
          <MarkdownText>{section.body}</MarkdownText>
          {canRegenerate ? <RegenerateSection documentId={documentId} index={index} /> : null}
        </Flex>
      ))}
      {pending.length && draft.phase !== 'outline' ? (
        <Flex tag="ol" direction="column" alignItems="stretch" gap={1}>
          {pending.map((section, i) => (
            <Typography key={i} tag="li" variant="delta" textColor="neutral500">
              {section.heading}
            </Typography>
          ))}
        </Flex>
      ) : null}
      {draft.conclusion ? (
        <ResultField label={formatMessage(msg('result.conclusion'))}>
          <MarkdownText>{draft.conclusion}</MarkdownText>
        </ResultField>
      ) : null}
      {draft.faq?.length ? (
        <ResultField label={formatMessage(msg('result.faq'))}>
          <Flex tag="dl" direction="column" alignItems="stretch" gap={3}>
            {draft.faq.map((item, i) => (
              <div key={i}>
                <Typography tag="dt" fontWeight="bold">
                  {item.question}
                </Typography>
                <Typography tag="dd" textColor="neutral700">
                  {item.answer}
                </Typography>
              </div>
            ))}
          </Flex>
        </ResultField>
      ) : null}
      {draft.meta ? <BlogMeta meta={draft.meta} /> : null}
    </Flex>
  );
};

const BlogMeta = ({ meta }: { meta: NonNullable<BlogDraft['meta']> }) => {
  const { formatMessage } = useIntl();
  const [minDescription, maxDescription] = META_DESCRIPTION_RANGE;
  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={3}
      background="neutral100"
      hasRadius
      padding={4}
    >
      <Typography variant="delta" tag="h3">
        {formatMessage(msg('result.meta'))}
      </Typography>
      <ResultField
        label={formatMessage(msg('result.metaTitle'))}
        aside={<CharCount text={meta.metaTitle} max={META_TITLE_MAX} />}
      >
        {meta.metaTitle}
      </ResultField>
      <ResultField
        label={formatMessage(msg('result.metaDescription'))}
        aside={<CharCount text={meta.metaDescription} min={minDescription} max={maxDescription} />}
      >
        {meta.metaDescription}
      </ResultField>
      <ResultField label={formatMessage(msg('result.slug'))}>{meta.slug}</ResultField>
      <ResultField label={formatMessage(msg('result.tags'))}>
        <TagList tags={meta.tags} />
      </ResultField>
    </Flex>
  );
};
