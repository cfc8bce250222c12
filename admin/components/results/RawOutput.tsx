import { Box, Typography } from '@strapi/design-system';

/**
 * What a result view could not read (a free prompt's text, an output from an older version):
 * shown as it is rather than hidden.
 */
export const RawOutput = ({ output }: { output: unknown }) => {
  const text =
    typeof output === 'string'
      ? output
      : typeof (output as { text?: unknown } | null)?.text === 'string'
        ? (output as { text: string }).text
        : JSON.stringify(output, null, 2);
  return (
    <Box background="neutral100" hasRadius padding={4} overflow="auto">
      <Typography
        tag="pre"
        variant="pi"
        style={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace' }}
      >
        {text}
      </Typography>
    </Box>
  );
};
