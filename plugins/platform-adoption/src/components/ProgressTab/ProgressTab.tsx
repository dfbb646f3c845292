import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef } from '../../api';
import { usePlatformContext } from '../PlatformPage/PlatformContext';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useOrgUnits } from '../shared/useOrgUnits';
import { CampaignsPanel } from './CampaignsPanel';
import { HistoryChart } from './HistoryChart';
import { describeSeries, historyRows } from './progressData';

/** The search parameter of the org unit the charts show; none is the whole company. */
export const ORG_PARAM = 'org';

/**
 * How the platform moves towards its standard: conformance and snowflakes
 * over time for the whole company or one org unit, with publications and
 * retirements marked, and the campaigns that push it.
 */
export const ProgressTab = () => {
  const api = useApi(platformAdoptionApiRef);
  const theme = useTheme();
  const { platform } = usePlatformContext();
  const { units } = useOrgUnits(platform.id);
  const [params, setParams] = useSearchParams();
  const org = params.get(ORG_PARAM) ?? '';
  const history = useAsyncRetry(
    () => api.getHistory({ platform: platform.id, org: org || undefined }),
    [api, platform.id, org],
  );
  const rows = useMemo(() => (history.value ? historyRows(history.value) : []), [history.value]);
  const events = history.value?.events ?? [];
  const unitTitle = org ? units.find(u => u.ref === org)?.title ?? org : 'the whole company';
  const sortedUnits = useMemo(() => [...units].sort((a, b) => a.title.localeCompare(b.title)), [units]);

  const setOrg = (ref: string) => {
    const next = new URLSearchParams(params);
    if (ref) next.set(ORG_PARAM, ref);
    else next.delete(ORG_PARAM);
    setParams(next);
  };

  let charts: JSX.Element;
  if (history.loading && !history.value) charts = <Progress />;
  else if (history.error) {
    charts = <ErrorNotice what="the history" error={history.error} onRetry={history.retry} />;
  } else if (rows.length === 0) {
    charts = (
      <EmptyState
        missing="data"
        title={`No history for ${unitTitle} yet`}
        description={`A snapshot of ${platform.title}'s figures is kept each day a scan completes; the charts fill in from the first one.`}
      />
    );
  } else {
    const hasConformance = rows.some(r => r.conformance !== null);
    charts = (
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <Typography variant="h6" component="h3">
            Conformance
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Share of production deployments that conform to the standard of the day.
          </Typography>
          {hasConformance ? (
            <HistoryChart
              rows={rows}
              dataKey="conformance"
              name="Conformance"
              percent
              events={events}
              description={describeSeries('Conformance', rows, 'conformance', events, '%')}
            />
          ) : (
            <Typography variant="body2" color="textSecondary" style={{ marginTop: 16 }}>
              No standard was in force in this period, so conformance was not measured.
            </Typography>
          )}
        </Grid>
        <Grid item xs={12} md={6}>
          <Typography variant="h6" component="h3">
            Snowflakes
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Deployments that depart most from their peers.
          </Typography>
          <HistoryChart
            rows={rows}
            dataKey="snowflakes"
            name="Snowflakes"
            colour={theme.palette.warning.main}
            events={events}
            description={describeSeries('Snowflakes', rows, 'snowflakes', events)}
          />
        </Grid>
      </Grid>
    );
  }

  return (
    <Box display="grid" style={{ gap: 24 }}>
      <Paper variant="outlined" component="section" aria-labelledby="progress-history-title">
        <Box p={2}>
          <Box display="flex" alignItems="flex-end" justifyContent="space-between" flexWrap="wrap" style={{ gap: 16 }}>
            <Typography variant="h5" component="h2" id="progress-history-title">
              Over time
            </Typography>
            <TextField
              select
              SelectProps={{ native: true }}
              label="Org unit"
              value={org}
              onChange={e => setOrg(e.target.value)}
              InputLabelProps={{ shrink: true }}
              style={{ minWidth: 240 }}
              id="platform-adoption-progress-org"
            >
              <option value="">Whole company</option>
              {sortedUnits.map(u => (
                <option key={u.ref} value={u.ref}>
                  {u.title}
                  {u.type ? ` (${u.type})` : ''}
                </option>
              ))}
            </TextField>
          </Box>
          <Box mt={2}>{charts}</Box>
        </Box>
      </Paper>
      <CampaignsPanel platform={platform} units={units} />
    </Box>
  );
};
