import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { AuditComparison } from '../../../contracts/site-audits';
import { msg } from '../../utils/translations';
import { trendOf } from './compare';
import { scoreTone } from './issues';

// The design system's colours, spelled out: an SVG attribute cannot read the theme.
const TONE_COLOUR = { danger: '#d02b20', warning: '#f29d41', success: '#328048' } as const;
const LINE = '#4945ff';
const GRID = '#dcdce4';
const TEXT = '#666687';
const MARK = '#32324d';

const WIDTH = 600;
const HEIGHT = 200;
// Room on the left for the score axis, above the top point for a mark's label, and below the
// plot for the dates.
const LEFT = 32;
const RIGHT = 16;
const TOP = 24;
const BOTTOM = 24;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
/** The bands' lower bounds, and the ends of the scale. */
const GRID_LINES = [0, 50, 80, 100];

interface ScoreTrendChartProps {
  history: AuditComparison['history'];
  /** The compared audits, marked on the line. */
  before: string;
  after: string;
}

/** The site's score at each finished audit, oldest first, with the two compared ones marked. */
export const ScoreTrendChart = ({ history, before, after }: ScoreTrendChartProps) => {
  const { formatMessage, formatDate } = useIntl();
  const { points, runs } = trendOf(history, PLOT_WIDTH, PLOT_HEIGHT);
  if (!points.length) {
    return <Typography textColor="neutral600">{formatMessage(msg('site.trend.none'))}</Typography>;
  }
  const day = (iso: string) => formatDate(iso, { dateStyle: 'medium' });
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH }}
      role="img"
      aria-label={formatMessage(msg('site.trend.chartLabel'), {
        points: history
          .map((entry) =>
            formatMessage(msg('site.trend.point'), {
              date: day(entry.createdAt),
              score: entry.score ?? '—',
            }),
          )
          .join(', '),
      })}
    >
      <g transform={`translate(${LEFT},${TOP})`}>
        {GRID_LINES.map((score) => {
          const y = PLOT_HEIGHT - (score / 100) * PLOT_HEIGHT;
          return (
            <g key={score}>
              <line x1={0} x2={PLOT_WIDTH} y1={y} y2={y} stroke={GRID} strokeDasharray="3 3" />
              <text x={-6} y={y + 3} fontSize="10" textAnchor="end" fill={TEXT}>
                {score}
              </text>
            </g>
          );
        })}
        {runs.map((run) => (
          <polyline
            key={run[0]!.documentId}
            points={run.map((point) => `${point.x},${point.y}`).join(' ')}
            fill="none"
            stroke={LINE}
            strokeWidth={2}
          />
        ))}
        {points.map((point) => {
          const mark =
            point.documentId === before ? 'before' : point.documentId === after ? 'after' : null;
          return (
            <g key={point.documentId}>
              <circle
                cx={point.x}
                cy={point.y}
                r={mark ? 6 : 3.5}
                fill={TONE_COLOUR[scoreTone(point.score)]}
                stroke={mark ? MARK : 'none'}
                strokeWidth={2}
              >
                <title>
                  {formatMessage(msg('site.trend.point'), {
                    date: day(point.createdAt),
                    score: point.score,
                  })}
                </title>
              </circle>
              {mark ? (
                <text
                  x={point.x}
                  y={point.y - 11}
                  fontSize="10"
                  fontWeight="bold"
                  textAnchor="middle"
                  fill={MARK}
                >
                  {formatMessage(msg(`site.compare.${mark}`))}
                </text>
              ) : null}
            </g>
          );
        })}
        <text x={first.x} y={PLOT_HEIGHT + 16} fontSize="10" textAnchor="start" fill={TEXT}>
          {day(first.createdAt)}
        </text>
        {last !== first ? (
          <text x={last.x} y={PLOT_HEIGHT + 16} fontSize="10" textAnchor="end" fill={TEXT}>
            {day(last.createdAt)}
          </text>
        ) : null}
      </g>
    </svg>
  );
};
