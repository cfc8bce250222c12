import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { memo, useState } from 'react';
import { useIntl } from 'react-intl';
import {
  cutToWidth,
  descriptionWidth,
  DESCRIPTION_MAX_PX,
  titleWidth,
  TITLE_MAX_PX,
} from '../../../analysis/seo/pixel-width';
import { msg } from '../../utils/translations';

// Mobile results wrap the title over about two lines of a narrower column.
const MOBILE_TITLE_PX = 2 * 330;
const MOBILE_DESCRIPTION_PX = 3 * 300;

/** The result as Google would show it, cut where Google would cut it (memoised: see the panel). */
export const SearchPreview = memo(function SearchPreview({
  title,
  description,
  slug,
  baseUrl,
}: {
  title: string;
  description: string;
  slug: string;
  baseUrl: string;
}) {
  const { formatMessage } = useIntl();
  const [mobile, setMobile] = useState(false);
  const shownTitle = cutToWidth(title, mobile ? MOBILE_TITLE_PX : TITLE_MAX_PX, titleWidth);
  const shownDescription = cutToWidth(
    description,
    mobile ? MOBILE_DESCRIPTION_PX : DESCRIPTION_MAX_PX,
    descriptionWidth,
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={1} role="group" aria-label={formatMessage(msg('seo.preview.title'))}>
        {([false, true] as const).map((isMobile) => (
          <Button
            key={String(isMobile)}
            size="S"
            variant={mobile === isMobile ? 'secondary' : 'tertiary'}
            aria-pressed={mobile === isMobile}
            onClick={() => setMobile(isMobile)}
          >
            {formatMessage(msg(isMobile ? 'seo.preview.mobile' : 'seo.preview.desktop'))}
          </Button>
        ))}
      </Flex>
      <Box
        padding={3}
        background="neutral0"
        hasRadius
        borderColor="neutral200"
        maxWidth={mobile ? '360px' : '600px'}
      >
        <Typography variant="pi" textColor="neutral600" ellipsis>
          {`${baseUrl.replace(/\/$/, '')}/${slug}`}
        </Typography>
        <Typography tag="p" fontSize="18px" textColor="primary700" style={{ lineHeight: 1.3 }}>
          {shownTitle || formatMessage(msg('seo.preview.noTitle'))}
        </Typography>
        <Typography tag="p" variant="pi" textColor="neutral700">
          {shownDescription || formatMessage(msg('seo.preview.noDescription'))}
        </Typography>
      </Box>
    </Flex>
  );
});
