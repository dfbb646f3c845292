import { EmptyState, Progress } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { usePlatformContext } from '../PlatformPage/PlatformContext';
import { ErrorNotice } from '../shared/ErrorNotice';
import { allUnknown } from './facetBars';
import { FacetChart } from './FacetChart';
import { VersionSpreadChart } from './VersionSpreadChart';

/** How the fleet is set up, facet by facet, with the consensus marked. */
export const FacetsTab = () => {
  const { platform, summary, basePath } = usePlatformContext();
  if (summary.loading && summary.value === undefined) return <Progress />;
  if (summary.error) {
    return <ErrorNotice what="the facet distributions" error={summary.error} onRetry={summary.retry} />;
  }
  if (!summary.value) {
    return (
      <EmptyState
        missing="data"
        title="No scan has finished yet"
        description="Facet charts appear after the first scan of the catalog and its repositories."
      />
    );
  }
  const { distributions, consensus } = summary.value;
  const charted = platform.facets.filter(f => !allUnknown(distributions[f.id]));
  const unrecorded = platform.facets.filter(f => allUnknown(distributions[f.id]));
  if (charted.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No facet values recorded"
        description={`No ${platform.title} server deployment has a known value for any facet yet.`}
      />
    );
  }
  return (
    <>
      <Grid container spacing={3}>
        {charted.map(facet => (
          <Grid item xs={12} md={6} xl={4} key={facet.id}>
            <FacetChart
              facet={facet}
              bars={distributions[facet.id]}
              consensus={consensus.find(c => c.facet === facet.id)}
              basePath={basePath}
            />
          </Grid>
        ))}
        {platform.facets.some(f => f.kind === 'version') && (
          <Grid item xs={12}>
            <VersionSpreadChart platformId={platform.id} platformTitle={platform.title} />
          </Grid>
        )}
      </Grid>
      {unrecorded.length > 0 && (
        <Typography variant="body2" color="textSecondary" style={{ marginTop: 16 }}>
          Not known for any server deployment: {unrecorded.map(f => f.title).join(', ')}.
        </Typography>
      )}
    </>
  );
};
