import { Box, Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** One block of a tool: its form or one of its results, titled, with an action on the right. */
export const ToolCard = ({
  title,
  subtitle,
  action,
  children,
}: {
  title?: string;
  subtitle?: string;
  action?: ReactNode;
  children: ReactNode;
}) => (
  <Box background="neutral0" padding={6} hasRadius shadow="filterShadow">
    <Flex direction="column" alignItems="stretch" gap={4}>
      {title || action ? (
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            {title ? (
              <Typography variant="delta" tag="h2">
                {title}
              </Typography>
            ) : null}
            {subtitle ? (
              <Typography variant="pi" textColor="neutral600">
                {subtitle}
              </Typography>
            ) : null}
          </Flex>
          {action}
        </Flex>
      ) : null}
      {children}
    </Flex>
  </Box>
);
