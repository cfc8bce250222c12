import { Box, Link, Typography } from '@strapi/design-system';
import { useId } from 'react';
import { isWebAddress } from './issues';

/** Addresses (opened in a new tab) or the elements a check found, one a line, under a caption. */
export const AddressList = ({ items, label }: { items: readonly string[]; label: string }) => {
  const id = useId();
  return (
    <Box>
      <Typography id={id} variant="pi" textColor="neutral600">
        {label}
      </Typography>
      <Box tag="ul" aria-labelledby={id} paddingLeft={4} style={{ listStyle: 'disc' }}>
        {items.map((item, i) => (
          // An element may be listed twice (two identical images): the position tells them apart.
          <li key={`${i}:${item}`}>
            {isWebAddress(item) ? (
              <Link href={item} isExternal style={{ wordBreak: 'break-all' }}>
                {item}
              </Link>
            ) : (
              <Typography variant="pi" style={{ wordBreak: 'break-all' }}>
                {item}
              </Typography>
            )}
          </li>
        ))}
      </Box>
    </Box>
  );
};
