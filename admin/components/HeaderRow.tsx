import { Th, Thead, Tr, Typography } from '@strapi/design-system';

/** A table's head: one label per column, in the design system's small capitals. */
export const HeaderRow = ({ labels }: { labels: string[] }) => (
  <Thead>
    <Tr>
      {labels.map((label) => (
        <Th key={label}>
          <Typography variant="sigma">{label}</Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);
