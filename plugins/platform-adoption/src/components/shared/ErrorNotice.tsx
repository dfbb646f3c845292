import { ResponseError } from '@backstage/errors';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';

/** What a reader can do about an error, by the status the backend gave. */
export function errorAdvice(error: Error): string {
  const status = ResponseError.is(error) ? error.statusCode : undefined;
  switch (status) {
    case 401:
      return 'Your session may have expired: sign in again and reload the page.';
    case 403:
      return 'You are not allowed to read adoption data. Ask a portal administrator for the platform-adoption.read permission.';
    case 404:
      return 'It does not exist (any more). Check the address, or go back to the adoption overview.';
    case 400:
      return 'The request was not understood; the message names the input at fault. Clear the filters and try again.';
    default:
      return 'The Platform Adoption backend could not be reached or failed. Try again in a moment; if it keeps failing, ask the portal team to check the backend logs.';
  }
}

/** The backend's own message when it sent one, else the error's. */
export function errorMessage(error: Error): string {
  if (ResponseError.is(error)) {
    return error.cause?.message || error.message;
  }
  return error.message;
}

/**
 * A failed load, saying what failed, why, and what to do about it, with a
 * retry when the caller can retry.
 */
export const ErrorNotice = (props: {
  /** What could not be loaded, e.g. "the deployments". */
  what: string;
  error: Error;
  onRetry?: () => void;
}) => {
  const { what, error, onRetry } = props;
  return (
    <Alert
      severity="error"
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Try again
          </Button>
        )
      }
    >
      <AlertTitle>Could not load {what}</AlertTitle>
      <Typography variant="body2" gutterBottom>
        {errorMessage(error)}
      </Typography>
      <Typography variant="body2">{errorAdvice(error)}</Typography>
    </Alert>
  );
};
