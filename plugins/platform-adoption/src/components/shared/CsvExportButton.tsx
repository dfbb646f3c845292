import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useRef, useState } from 'react';
import { CsvColumn, downloadText, toCsv } from './csv';
import { ErrorNotice } from './ErrorNotice';
import { formatNumber } from './format';

/** One page of a cursor-paged list. */
export interface CsvPage<T> {
  items: T[];
  nextCursor: string | null;
  totalCount: number;
}

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total?: number }
  | { phase: 'failed'; error: Error; done: number };

/**
 * Exports every row of the current filter, not just the visible page: pages
 * through the API with a progress bar (cancellable), then downloads one CSV.
 */
export function CsvExportButton<T>(props: {
  /** What is exported, plural, e.g. "deployments". */
  noun: string;
  filename: string;
  columns: CsvColumn<T>[];
  fetchPage: (cursor: string | undefined) => Promise<CsvPage<T>>;
  disabled?: boolean;
}) {
  const { noun, filename, columns, fetchPage, disabled } = props;
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const cancelled = useRef(false);

  const run = async () => {
    cancelled.current = false;
    const rows: T[] = [];
    setState({ phase: 'running', done: 0 });
    let cursor: string | undefined;
    try {
      do {
        const page = await fetchPage(cursor);
        if (cancelled.current) return;
        rows.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        setState({ phase: 'running', done: rows.length, total: page.totalCount });
      } while (cursor);
      downloadText(filename, toCsv(columns, rows), 'text/csv;charset=utf-8');
      setState({ phase: 'idle' });
    } catch (error) {
      if (!cancelled.current) {
        setState({ phase: 'failed', error: error as Error, done: rows.length });
      }
    }
  };

  const cancel = () => {
    cancelled.current = true;
    setState({ phase: 'idle' });
  };

  const percent =
    state.phase === 'running' && state.total
      ? Math.min(100, (state.done / state.total) * 100)
      : undefined;

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<GetAppIcon />}
        onClick={run}
        disabled={disabled || state.phase === 'running'}
      >
        Export CSV
      </Button>
      <Dialog
        open={state.phase !== 'idle'}
        onClose={cancel}
        aria-labelledby="csv-export-title"
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id="csv-export-title">Exporting {noun}</DialogTitle>
        <DialogContent>
          {state.phase === 'running' && (
            <>
              <Typography variant="body2" gutterBottom>
                {state.total === undefined
                  ? `Counting ${noun}…`
                  : `Fetched ${formatNumber(state.done)} of ${formatNumber(
                      state.total,
                    )} ${noun}`}
              </Typography>
              <LinearProgress
                variant={percent === undefined ? 'indeterminate' : 'determinate'}
                value={percent}
                aria-label="Export progress"
              />
            </>
          )}
          {state.phase === 'failed' && (
            <ErrorNotice
              what={`${noun} for the export (after ${formatNumber(
                state.done,
              )})`}
              error={state.error}
              onRetry={run}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={cancel}>
            {state.phase === 'failed' ? 'Close' : 'Cancel'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
