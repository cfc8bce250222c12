import { Box, Flex, Typography } from '@strapi/design-system';

interface Bar {
  label: string;
  value: number;
  /** What the number means, shown beside the bar ("12 ×", "2.4 %"). */
  detail: string;
}

/** Terms compared at a glance: a bar per term, scaled to the largest. */
export const TermBars = ({ bars, label }: { bars: Bar[]; label: string }) => {
  const top = Math.max(...bars.map((bar) => bar.value), 1);
  return (
    <Box tag="ul" aria-label={label}>
      {bars.map((bar) => (
        <Flex key={bar.label} tag="li" gap={3} paddingBottom={1} alignItems="center">
          <Box width="40%" style={{ flexShrink: 0 }}>
            <Typography variant="omega" ellipsis title={bar.label}>
              {bar.label}
            </Typography>
          </Box>
          <Box flex="1" background="neutral150" hasRadius height="0.75rem" aria-hidden>
            <Box
              background="primary500"
              hasRadius
              height="100%"
              style={{ width: `${Math.max(2, (bar.value / top) * 100)}%` }}
            />
          </Box>
          <Box width="104px" style={{ textAlign: 'right', flexShrink: 0 }}>
            <Typography variant="pi" textColor="neutral600">
              {bar.detail}
            </Typography>
          </Box>
        </Flex>
      ))}
    </Box>
  );
};
