import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import type { ReferenceArchitectureContent } from '@platform-adoption/plugin-platform-adoption-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { platformAdoptionApiRef, ReferencePreview } from '../../api';
import { errorMessage } from '../shared/ErrorNotice';
import { formatNumber, formatPercent, pluralize } from '../shared/format';
import { FacetTitles } from '../shared/reasons';

/** How long the editor must be still before the preview asks again. */
export const PREVIEW_DEBOUNCE_MS = 600;

/**
 * The draft's preview, asked again when the content has stopped changing
 * for a moment; the last answer stays on screen while the next is fetched.
 */
export function useReferencePreview(
  platform: string,
  content: ReferenceArchitectureContent | undefined,
) {
  const api = useApi(platformAdoptionApiRef);
  const key = content ? JSON.stringify(content) : undefined;
  const [settled, setSettled] = useState(key);
  useDebounce(() => setSettled(key), PREVIEW_DEBOUNCE_MS, [key]);
  const state = useAsync(
    async () => (settled ? api.previewReference(platform, JSON.parse(settled)) : undefined),
    [api, platform, settled],
  );
  return {
    value: state.value,
    error: state.error,
    pending: key !== settled || state.loading,
  };
}

/**
 * Live preview: how many production deployments would conform to the
 * draft as it stands, and which facets hold the rest back.
 */
export const PreviewPanel = (props: {
  preview: { value?: ReferencePreview; error?: Error; pending: boolean };
  invalid: boolean;
  titles: FacetTitles;
}) => {
  const { preview, invalid, titles } = props;
  const { value, error, pending } = preview;
  const blocking = Object.entries(value?.blocking ?? {}).sort((a, b) => b[1] - a[1]);
  let headline: string;
  if (invalid) headline = 'Fix the marked fields to see who would conform.';
  else if (!value) headline = 'Working out who would conform…';
  else if (value.production === 0) headline = 'No production deployment to measure yet.';
  else {
    headline = `${formatNumber(value.conforming)} of ${pluralize(
      value.production,
      'production deployment',
    )} would conform (${formatPercent(value.conforming / value.production)}).`;
  }
  return (
    <Paper variant="outlined" component="section" aria-labelledby="reference-preview-title">
      <Box p={2}>
        <Typography variant="h6" component="h3" id="reference-preview-title">
          Preview
        </Typography>
        <Box minHeight={4}>{pending && !invalid && <LinearProgress aria-label="Updating the preview" />}</Box>
        <Typography variant="body1" role="status" aria-live="polite">
          {headline}
        </Typography>
        {error && !invalid && (
          <Typography variant="body2" color="error">
            The preview failed: {errorMessage(error)}
          </Typography>
        )}
        {value && !invalid && blocking.length > 0 && (
          <Box mt={1}>
            <Typography variant="subtitle2" component="h4">
              What holds the rest back
            </Typography>
            <Box
              component="ul"
              m={0}
              pl={0}
              display="flex"
              flexWrap="wrap"
              style={{ listStyle: 'none', gap: 8 }}
              aria-label="Blocking facets"
            >
              {blocking.map(([facet, count]) => (
                <Box component="li" key={facet} minWidth={150} flex="0 1 180px">
                  <Typography variant="body2">
                    {titles(facet)}: {pluralize(count, 'deployment')}
                  </Typography>
                  <LinearProgress
                    variant="determinate"
                    color="secondary"
                    value={value.production ? (count / value.production) * 100 : 0}
                    aria-hidden
                  />
                </Box>
              ))}
            </Box>
          </Box>
        )}
      </Box>
    </Paper>
  );
};
