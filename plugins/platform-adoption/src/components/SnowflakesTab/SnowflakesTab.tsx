import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { FindingWithDeployments } from '@platform-adoption/plugin-platform-adoption-common';
import { ReactNode, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef } from '../../api';
import { usePlatformContext } from '../PlatformPage/PlatformContext';
import { ErrorNotice } from '../shared/ErrorNotice';
import { formatNumber } from '../shared/format';
import { FacetTitles, reasonSentence } from '../shared/reasons';
import { SearchBox } from '../shared/SearchBox';
import { FindingCard } from './FindingCard';
import { TeamConventions } from './TeamConventions';

/** Whether a finding mentions the text: a deployment, team or reason. */
export function findingMatches(
  finding: FindingWithDeployments,
  text: string,
  titles: FacetTitles,
): boolean {
  const needle = text.trim().toLocaleLowerCase();
  if (!needle) return true;
  const haystack = [
    finding.teamRef,
    ...finding.deployments.flatMap(d => [d.name, d.entityRef]),
    ...finding.reasons.map(r => reasonSentence(r, titles)),
  ]
    .filter(Boolean)
    .join('\n')
    .toLocaleLowerCase();
  return haystack.includes(needle);
}

const Section = (props: {
  title: string;
  count: number;
  description: string;
  children: ReactNode;
}) => (
  <Box component="section" mb={4}>
    <Typography variant="h5" component="h2">
      {props.title} ({formatNumber(props.count)})
    </Typography>
    <Typography variant="body2" color="textSecondary" paragraph>
      {props.description}
    </Typography>
    {props.children}
  </Box>
);

/** Findings rendered at first; a large fleet can have thousands. */
const PAGE = 50;

const Ranked = (props: { findings: FindingWithDeployments[]; titles: FacetTitles }) => {
  const [shown, setShown] = useState(PAGE);
  const rest = props.findings.length - shown;
  return (
    <Box display="grid" style={{ gap: 12 }}>
      {props.findings.slice(0, shown).map((f, index) => (
        <FindingCard key={`${f.kind}-${f.deploymentId}`} finding={f} rank={index + 1} titles={props.titles} />
      ))}
      {rest > 0 && (
        <Box>
          <Button variant="outlined" onClick={() => setShown(n => n + PAGE)}>
            Show {formatNumber(Math.min(rest, PAGE))} more of {formatNumber(rest)}
          </Button>
        </Box>
      )}
    </Box>
  );
};

/**
 * What departs from the fleet: snowflakes ranked by how far they depart,
 * positive deviants as candidates for the standard, and conventions whole
 * teams share.
 */
export const SnowflakesTab = () => {
  const api = useApi(platformAdoptionApiRef);
  const { platform, summary, titles, basePath } = usePlatformContext();
  const findings = useAsyncRetry(
    async () => (await api.listFindings({ platform: platform.id })).items,
    [api, platform.id],
  );
  const [search, setSearch] = useState('');

  if (findings.loading && !findings.value) return <Progress />;
  if (findings.error) {
    return <ErrorNotice what="the findings" error={findings.error} onRetry={findings.retry} />;
  }
  const all = (findings.value ?? []).filter(f => findingMatches(f, search, titles));
  const byScore = (a: FindingWithDeployments, b: FindingWithDeployments) => b.score - a.score;
  const snowflakes = all.filter(f => f.kind === 'snowflake').sort(byScore);
  const deviants = all.filter(f => f.kind === 'positive-deviant').sort(byScore);
  const conventions = all.filter(f => f.kind === 'team-convention');

  if (summary.value === null) {
    return (
      <EmptyState
        missing="data"
        title="No scan has finished yet"
        description="Snowflakes are found by comparing each deployment with its peers after a scan."
      />
    );
  }

  return (
    <>
      {summary.value && !summary.value.scored && (
        <Box mb={2}>
          <Alert severity="info">
            {platform.title} has too few deployments to compare ({formatNumber(summary.value.deployments)}; at
            least 5 peers are needed), so no deployment is scored yet. The Facets tab still shows how they are set up.
          </Alert>
        </Box>
      )}
      <Box mb={3}>
        <SearchBox
          id="platform-adoption-filter-findings"
          label="Filter findings"
          placeholder="Deployment, team or facet"
          value={search}
          onChange={setSearch}
        />
      </Box>
      <Section
        title="Snowflakes"
        count={snowflakes.length}
        description="Deployments that depart from what their peers agree on, the furthest first. Each reason gives the value, what the peers hold, and how many of them."
      >
        {snowflakes.length ? (
          <Ranked findings={snowflakes} titles={titles} />
        ) : (
          <Typography variant="body2">
            {search
              ? 'No snowflake matches the filter.'
              : 'No snowflakes: every deployment follows its peers, or departs only where the fleet legitimately varies.'}
          </Typography>
        )}
      </Section>
      <Section
        title="Positive deviants"
        count={deviants.length}
        description="Deployments that differ from their peers for the better: candidates for the standard, and teams worth learning from."
      >
        {deviants.length ? (
          <Ranked findings={deviants} titles={titles} />
        ) : (
          <Typography variant="body2">
            {search ? 'No positive deviant matches the filter.' : 'No deployment is better than its peers on any facet.'}
          </Typography>
        )}
      </Section>
      <Section
        title="Team conventions"
        count={conventions.length}
        description="Departures every deployment of a team shares: one decision, reported once per team rather than as a snowflake per deployment."
      >
        {conventions.length ? (
          <TeamConventions findings={conventions} titles={titles} basePath={basePath} />
        ) : (
          <Typography variant="body2">
            {search ? 'No team convention matches the filter.' : 'No team departs from the fleet in the same way across all its deployments.'}
          </Typography>
        )}
      </Section>
    </>
  );
};
