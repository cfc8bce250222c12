import { LinkButton } from '@strapi/design-system';
import { ExternalLink } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { SavedDraft } from '../../contracts/writers';
import { contentManagerPath } from '../utils/paths';
import { msg } from '../utils/translations';

/** The draft entry a generation was saved as, in the Content Manager. */
export const OpenInContentManager = ({ target }: { target: SavedDraft }) => {
  const { formatMessage } = useIntl();
  return (
    <LinkButton
      tag={Link}
      to={contentManagerPath(target)}
      variant="secondary"
      endIcon={<ExternalLink />}
    >
      {formatMessage(msg('save.openEntry'))}
    </LinkButton>
  );
};
