import { InfoCard, Link, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import type {
  Deployment,
  FacetDefinition,
  FindingWithDeployments,
  PlatformWithCounts,
} from '@platform-adoption/plugin-platform-adoption-common';
import { Fragment } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef } from '../../api';
import { deploymentsLink } from '../DeploymentsTab/deploymentFilters';
import { ErrorNotice } from '../shared/ErrorNotice';
import { FacetValue } from '../shared/FacetValue';
import { facetTitlesOf } from '../shared/reasons';
import { ReasonText } from '../shared/ReasonText';
import { usePlatformAdoptionPath } from '../shared/usePlatformAdoptionPath';

/** How many facets a card shows per deployment; the page has them all. */
const KEY_FACET_COUNT = 5;

const useStyles = makeStyles(theme => ({
  deployment: { padding: theme.spacing(1.5, 0) },
  header: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: theme.spacing(1) },
  facets: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.25),
    margin: theme.spacing(1, 0),
  },
  stale: { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5), color: theme.palette.warning.main },
}));

/** The facets that say most about a deployment: context first, then by weight. */
export function keyFacets(facets: FacetDefinition[], deployment: Deployment): FacetDefinition[] {
  return facets
    .filter(f => f.id !== 'environment' && deployment.facets[f.id])
    .sort((a, b) => Number(Boolean(b.context)) - Number(Boolean(a.context)) || b.weight - a.weight)
    .slice(0, KEY_FACET_COUNT);
}

const FINDING_LABELS: Record<FindingWithDeployments['kind'], string> = {
  snowflake: 'Snowflake',
  'positive-deviant': 'Positive deviant',
  'team-convention': 'Team convention',
};

const DeploymentSummary = (props: {
  deployment: Deployment;
  platform?: PlatformWithCounts;
  findings: FindingWithDeployments[];
  basePath: string;
  entityRef: string;
}) => {
  const { deployment: d, platform, findings, basePath, entityRef } = props;
  const classes = useStyles();
  const facets = platform?.facets ?? [];
  const titles = facetTitlesOf(facets);
  const link = `${deploymentsLink(`${basePath}/${d.platform}`, { entity: entityRef })}&deployment=${encodeURIComponent(d.id)}`;
  return (
    <div className={classes.deployment}>
      <div className={classes.header}>
        <Typography variant="subtitle1" component="h3">
          <Link to={link}>{d.name}</Link>
        </Typography>
        <Chip size="small" label={platform?.title ?? d.platform} />
        {d.environment && <Chip size="small" variant="outlined" label={d.environment} />}
        {d.kind === 'client' && <Chip size="small" variant="outlined" label="client usage" />}
        {!d.declaredBy && d.repository && (
          <Chip size="small" variant="outlined" label="not declared in the catalog" />
        )}
      </div>
      {d.stale && (
        <Typography variant="caption" className={classes.stale}>
          <WarningIcon fontSize="inherit" aria-hidden /> Stale: {d.staleReason ?? 'kept from an earlier scan'}
        </Typography>
      )}
      <div className={classes.facets}>
        {keyFacets(facets, d).map(f => (
          <Fragment key={f.id}>
            <Typography variant="body2" color="textSecondary">
              {f.title}
            </Typography>
            <span>
              <FacetValue facetTitle={f.title} value={d.facets[f.id]} repository={d.repository} />
            </span>
          </Fragment>
        ))}
      </div>
      {findings.map(f => (
        <Box key={`${f.kind}-${f.deploymentId}`} mt={0.5}>
          <Typography variant="caption" color="textSecondary" component="div">
            {FINDING_LABELS[f.kind]}
          </Typography>
          {f.reasons.map(reason => (
            <ReasonText key={`${reason.facet}-${reason.basis}`} reason={reason} titles={titles} />
          ))}
        </Box>
      ))}
    </div>
  );
};

/**
 * On a Component or Resource: the platform deployments it runs or declares,
 * their key facets, and how they depart from their peers.
 */
export const EntityPlatformUsageCard = () => {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(platformAdoptionApiRef);
  const basePath = usePlatformAdoptionPath();
  const data = useAsyncRetry(async () => {
    const [deployments, findings, platforms] = await Promise.all([
      api.getEntityDeployments(entityRef),
      api.listFindings({ entity: entityRef }),
      api.listPlatforms(),
    ]);
    return { deployments, findings: findings.items, platforms: platforms.items };
  }, [api, entityRef]);

  let body: JSX.Element;
  if (data.loading && !data.value) {
    body = <Progress />;
  } else if (data.error) {
    body = <ErrorNotice what="platform usage" error={data.error} onRetry={data.retry} />;
  } else if (!data.value || data.value.deployments.items.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No platform deployments found for this {entity.kind.toLocaleLowerCase()}. Platform
        Adoption looks in the repository behind it and at the Resources it declares; if
        it uses a database or broker, declare it as a Resource it depends on.
      </Typography>
    );
  } else {
    const { deployments, findings, platforms } = data.value;
    const platformById = new Map(platforms.map(p => [p.id, p]));
    body = (
      <>
        {deployments.items.map((d, index) => (
          <Fragment key={d.id}>
            {index > 0 && <Divider />}
            <DeploymentSummary
              deployment={d}
              platform={platformById.get(d.platform)}
              findings={findings.filter(f => (f.deploymentIds ?? [f.deploymentId]).includes(d.id))}
              basePath={basePath}
              entityRef={entityRef}
            />
          </Fragment>
        ))}
        {deployments.totalCount > deployments.items.length && (
          <Typography variant="body2" color="textSecondary">
            Showing {deployments.items.length} of {deployments.totalCount} deployments.
          </Typography>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Platform usage"
      subheader="Vendor platforms this entity runs, and how they compare with their peers"
      deepLink={{ title: 'Platform Adoption', link: basePath }}
    >
      {body}
    </InfoCard>
  );
};
