import { Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

interface ResultFieldProps {
  label: string;
  /** Shown beside the label: a character count, a copy button. */
  aside?: ReactNode;
  children: ReactNode;
}

/** One named part of a result (a headline, a meta description): a small label over the value. */
export const ResultField = ({ label, aside, children }: ResultFieldProps) => (
  <Flex direction="column" alignItems="stretch" gap={1}>
    <Flex justifyContent="space-between" gap={2}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      {aside}
    </Flex>
    {typeof children === 'string' ? <Typography>{children}</Typography> : children}
  </Flex>
);
