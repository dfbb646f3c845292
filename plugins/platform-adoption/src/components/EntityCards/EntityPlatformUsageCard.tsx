import { InfoCard, Link, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckIcon from '@material-ui/icons/CheckCircleOutline';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import Alert from '@material-ui/lab/Alert';
import type {
  Deployment,
  FacetDefinition,
  FindingWithDeployments,
  PlatformWithCounts,
} from '@platform-adoption/plugin-platform-adoption-common';
import { Fragment } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ConformanceItem, ConformanceResponse, platformAdoptionApiRef } from '../../api';
import { deploymentsLink } from '../DeploymentsTab/deploymentFilters';
import { changeSentence } from '../shared/changes';
import { ErrorNotice, errorMessage } from '../shared/ErrorNotice';
import { formatFacetValue } from '../shared/format';
import { FacetValue } from '../shared/FacetValue';
import { FacetTitles, facetTitlesOf } from '../shared/reasons';
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
  conforming: { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5), color: theme.palette.success.main },
  drift: { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5), color: theme.palette.warning.main },
  differences: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2.5) },
}));

/** The golden-path template the scaffolder offers for a platform with a standard. */
export function goldenPathTemplatePath(platform: string): string {
  return `/create/templates/default/${platform}-golden-path`;
}

/** How a platform's conformance could be read for this entity: an answer, or why not. */
type PlatformConformance = { value: ConformanceResponse } | { error: Error };

/**
 * One deployment against its platform's standard: conforming, or each
 * difference with its fix; and "upgrade available" when it was created
 * from an older version of the golden path.
 */
const ConformanceSummary = (props: {
  item?: ConformanceItem;
  result?: PlatformConformance;
  platformTitle: string;
  titles: FacetTitles;
}) => {
  const { item, result, platformTitle, titles } = props;
  const classes = useStyles();
  if (!result) return null;
  if ('error' in result) {
    return (
      <Typography variant="caption" color="textSecondary" component="div">
        Conformance could not be checked: {errorMessage(result.error)}
      </Typography>
    );
  }
  const standard = result.value.standard;
  if (!standard) return null;
  const conformance = item?.conformance;
  const upgrade = item?.upgrade;
  return (
    <Box mt={0.5}>
      {conformance && conformance.conforming && (
        <Typography variant="body2" className={classes.conforming}>
          <CheckIcon fontSize="inherit" aria-hidden /> Conforms to the {platformTitle} reference v{standard.version}
          {conformance.variant ? ` (variant ${conformance.variant})` : ''}
        </Typography>
      )}
      {conformance && !conformance.conforming && (
        <>
          <Typography variant="body2" className={classes.drift}>
            <WarningIcon fontSize="inherit" aria-hidden /> Drifts from the {platformTitle} reference v{standard.version}
            {conformance.variant ? ` (closest: variant ${conformance.variant})` : ''}
          </Typography>
          <ul className={classes.differences} aria-label={`Differences from the ${platformTitle} reference`}>
            {conformance.differences.map(d => (
              <li key={d.facet}>
                <Typography variant="body2">
                  {titles(d.facet)}: <strong>{formatFacetValue(d.value)}</strong>, required {d.required}
                  {d.exemptionId ? ' (exempted)' : ''}
                </Typography>
                {!d.exemptionId && (
                  <Typography variant="caption" color="textSecondary" component="div">
                    Fix: {d.fix}
                  </Typography>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {conformance && conformance.conforming && conformance.differences.some(d => d.exemptionId) && (
        <Typography variant="caption" color="textSecondary" component="div">
          Exempted: {conformance.differences.filter(d => d.exemptionId).map(d => titles(d.facet)).join(', ')}
        </Typography>
      )}
      {upgrade && (
        <Box mt={1}>
          <Alert severity="info">
            <Typography variant="body2" component="div">
              <strong>
                Upgrade available: v{upgrade.from} → v{upgrade.to}
              </strong>
            </Typography>
            {upgrade.changes.length > 0 && (
              <ul className={classes.differences} aria-label={`Changes from v${upgrade.from} to v${upgrade.to}`}>
                {upgrade.changes.map(change => (
                  <li key={`${change.kind}-${change.subject}`}>
                    <Typography variant="body2">{changeSentence(change, titles)}</Typography>
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        </Box>
      )}
    </Box>
  );
};

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
  conformance?: PlatformConformance;
}) => {
  const { deployment: d, platform, findings, basePath, entityRef, conformance } = props;
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
      {d.kind === 'server' && (
        <ConformanceSummary
          item={conformance && 'value' in conformance ? conformance.value.items.find(i => i.deployment.id === d.id) : undefined}
          result={conformance}
          platformTitle={platform?.title ?? d.platform}
          titles={titles}
        />
      )}
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
    // Conformance per platform the entity runs servers of; a failure there
    // leaves the rest of the card intact.
    const serverPlatforms = [...new Set(deployments.items.filter(d => d.kind === 'server').map(d => d.platform))];
    const conformance = new Map<string, PlatformConformance>(
      await Promise.all(
        serverPlatforms.map(async platform => {
          try {
            return [platform, { value: await api.getConformance({ platform, entity: entityRef }) }] as const;
          } catch (error) {
            return [platform, { error: error as Error }] as const;
          }
        }),
      ),
    );
    return { deployments, findings: findings.items, platforms: platforms.items, conformance };
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
    const { deployments, findings, platforms, conformance } = data.value;
    const platformById = new Map(platforms.map(p => [p.id, p]));
    const goldenPaths = [...conformance.entries()].flatMap(([platform, result]) =>
      'value' in result && result.value.standard ? [{ platform, version: result.value.standard.version }] : [],
    );
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
              conformance={conformance.get(d.platform)}
            />
          </Fragment>
        ))}
        {goldenPaths.length > 0 && (
          <>
            <Divider />
            <Box pt={1.5}>
              {goldenPaths.map(({ platform, version }) => {
                const title = platformById.get(platform)?.title ?? platform;
                return (
                  <Typography variant="body2" key={platform}>
                    New {title} deployment, or a fresh start?{' '}
                    <Link to={goldenPathTemplatePath(platform)}>
                      Use the {title} golden path (reference v{version})
                    </Link>
                  </Typography>
                );
              })}
            </Box>
          </>
        )}
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
