import { Box, Flex, Typography } from '@strapi/design-system';
import { useId, type ReactNode } from 'react';

interface SettingsSectionProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

/** A titled card; a named region, so assistive tech (and tests) can go straight to it. */
export const SettingsSection = ({ title, description, children }: SettingsSectionProps) => {
  const headingId = useId();
  return (
    <Box
      tag="section"
      aria-labelledby={headingId}
      background="neutral0"
      hasRadius
      shadow="filterShadow"
      padding={6}
    >
      <Flex direction="column" alignItems="stretch" gap={5}>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2" id={headingId}>
            {title}
          </Typography>
          {description ? (
            <Typography variant="omega" textColor="neutral600">
              {description}
            </Typography>
          ) : null}
        </Flex>
        {children}
      </Flex>
    </Box>
  );
};
