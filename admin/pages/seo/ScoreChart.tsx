import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/translations';

const BAR_COLOURS = [
  '#d02b20',
  '#d02b20',
  '#d02b20',
  '#d02b20',
  '#d02b20',
  '#ee5e52',
  '#f29d41',
  '#f29d41',
  '#5cb176',
  '#328048',
];
const WIDTH = 320;
const HEIGHT = 120;
// Room above the tallest bar for its count, and below the bars for the band labels.
const TOP = 14;

/** How many entries score 0–9 … 90–100: one bar per band, coloured as the band rates. */
const Histogram = ({ label, counts }: { label: string; counts: number[] }) => {
  const { formatMessage } = useIntl();
  const most = Math.max(1, ...counts);
  const bar = WIDTH / counts.length;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600" tag="h3">
        {label}
      </Typography>
      <svg
        width={WIDTH}
        height={TOP + HEIGHT + 18}
        role="img"
        aria-label={formatMessage(msg('seo.overview.chartLabel'), {
          label,
          counts: counts
            .map((count, i) => `${i * 10}–${i === 9 ? 100 : i * 10 + 9}: ${count}`)
            .join(', '),
        })}
      >
        {counts.map((count, i) => {
          const height = Math.round((count / most) * HEIGHT);
          return (
            <g key={i}>
              <rect
                x={i * bar + 2}
                y={TOP + HEIGHT - height}
                width={bar - 4}
                height={height}
                fill={BAR_COLOURS[i]}
                rx={2}
              />
              {count ? (
                <text
                  x={i * bar + bar / 2}
                  y={TOP + HEIGHT - height - 3}
                  fontSize="10"
                  textAnchor="middle"
                  fill="#666687"
                >
                  {count}
                </text>
              ) : null}
              <text
                x={i * bar + bar / 2}
                y={TOP + HEIGHT + 14}
                fontSize="10"
                textAnchor="middle"
                fill="#666687"
              >
                {i * 10}
              </text>
            </g>
          );
        })}
      </svg>
    </Flex>
  );
};

export const ScoreChart = ({
  distribution,
}: {
  distribution: { seo: number[]; readability: number[] };
}) => {
  const { formatMessage } = useIntl();
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={5}>
      <Flex gap={8} wrap="wrap">
        <Histogram label={formatMessage(msg('seo.overview.seoScores'))} counts={distribution.seo} />
        <Histogram
          label={formatMessage(msg('seo.overview.readabilityScores'))}
          counts={distribution.readability}
        />
      </Flex>
    </Box>
  );
};
