import { Box, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** Text too long for its card scrolls inside it; the keyboard can reach and scroll it. */
export const ScrollingText = ({
  label,
  maxHeight,
  children,
}: {
  label: string;
  maxHeight: string;
  children: ReactNode;
}) => (
  <Box
    background="neutral0"
    borderColor="neutral200"
    hasRadius
    padding={3}
    maxHeight={maxHeight}
    overflow="auto"
    tabIndex={0}
    aria-label={label}
  >
    <Typography tag="p" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {children}
    </Typography>
  </Box>
);
