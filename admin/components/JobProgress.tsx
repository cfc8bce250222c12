import { Flex, ProgressBar, Typography } from '@strapi/design-system';
import { styled } from 'styled-components';

/**
 * The design system's bar is drawn for dark overlays (a white fill on grey): on a light page
 * the filled part would vanish, so the fill and track take the primary colours here.
 */
export const LightProgressBar = styled(ProgressBar)`
  background-color: ${({ theme }) => theme.colors.neutral150};
  & > div {
    background-color: ${({ theme }) => theme.colors.primary600};
  }
`;

export const JobProgress = ({ value }: { value: number }) => (
  <Flex gap={2}>
    <LightProgressBar value={value} size="S" aria-label={`${value}%`} />
    <Typography variant="pi" textColor="neutral600">
      {value}%
    </Typography>
  </Flex>
);
