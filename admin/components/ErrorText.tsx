import { Typography } from '@strapi/design-system';
import { errorMessage } from '../hooks/useApi';

/** A request's failure in the server's own words, announced to screen readers; nothing without one. */
export const ErrorText = ({ error }: { error: unknown }) =>
  error ? (
    <Typography textColor="danger600" role="alert">
      {errorMessage(error)}
    </Typography>
  ) : null;
