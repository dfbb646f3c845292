import { EmptyState, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  RollupWithStage,
  WHOLE_COMPANY,
} from '@platform-adoption/plugin-platform-adoption-common';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef } from '../../api';
import { deploymentsLink } from '../DeploymentsTab/deploymentFilters';
import { usePlatformContext } from '../PlatformPage/PlatformContext';
import { ErrorNotice } from '../shared/ErrorNotice';
import { formatNumber, formatPercent, pluralize } from '../shared/format';
import { SearchBox } from '../shared/SearchBox';
import { StageBadge } from '../shared/StageBadge';
import { DepartmentChart } from './DepartmentChart';
import {
  buildOrgTree,
  expandableRefs,
  matchingRefs,
  OrgSortKey,
  OrgTreeNode,
} from './orgTree';

const useStyles = makeStyles(theme => ({
  title: { display: 'flex', alignItems: 'center', whiteSpace: 'nowrap' },
  spacer: { width: 30, display: 'inline-block' },
  type: { marginLeft: theme.spacing(1) },
  number: { textAlign: 'right' },
  warning: { color: theme.palette.warning.main, fontWeight: 600 },
  success: { color: theme.palette.success.main, fontWeight: 600 },
  company: { backgroundColor: theme.palette.action.hover },
}));

const COLUMNS: Array<{ key: OrgSortKey; label: string }> = [
  { key: 'deployments', label: 'Deployments' },
  { key: 'production', label: 'Production' },
  { key: 'nonProduction', label: 'Non-production' },
  { key: 'teams', label: 'Teams' },
  { key: 'snowflakes', label: 'Snowflakes' },
  { key: 'positiveDeviants', label: 'Positive deviants' },
];

type Row = { node: OrgTreeNode; depth: number };

/** "9 of 15 (60%)": conforming production deployments, or — when not measured. */
function conformanceText(conformance: RollupWithStage['conformance']): string {
  if (!conformance || conformance.production === 0) return '—';
  return `${formatNumber(conformance.conforming)} of ${formatNumber(conformance.production)} (${formatPercent(
    conformance.conforming / conformance.production,
  )})`;
}

function visibleRows(
  roots: OrgTreeNode[],
  expanded: Set<string>,
  filter: Set<string> | undefined,
): Row[] {
  const rows: Row[] = [];
  const visit = (node: OrgTreeNode, depth: number) => {
    if (filter && !filter.has(node.ref)) return;
    rows.push({ node, depth });
    if (filter || expanded.has(node.ref)) {
      node.children.forEach(child => visit(child, depth + 1));
    }
  };
  roots.forEach(root => visit(root, 0));
  return rows;
}

/**
 * The platform through the org tree: department → tribe → team, each with
 * its figures rolled up from everything below it, and its own stage. A
 * unit links to its deployments.
 */
export const TeamsTab = () => {
  const classes = useStyles();
  const api = useApi(platformAdoptionApiRef);
  const { platform, basePath } = usePlatformContext();
  const rollups = useAsyncRetry(
    () => api.getRollups({ platform: platform.id }),
    [api, platform.id],
  );
  const [sort, setSort] = useState<{ key: OrgSortKey; order: 'asc' | 'desc' }>({
    key: 'deployments',
    order: 'desc',
  });
  const [expanded, setExpanded] = useState<Set<string> | undefined>();
  const [search, setSearch] = useState('');

  const roots = useMemo(
    () =>
      rollups.value
        ? buildOrgTree(rollups.value.orgUnits, rollups.value.items, sort.key, sort.order)
        : [],
    [rollups.value, sort],
  );
  // Until someone expands or collapses, the top level is open.
  const open = expanded ?? new Set(roots.map(r => r.ref));
  const filter = search.trim() ? matchingRefs(roots, search) : undefined;
  const rows = visibleRows(roots, open, filter);

  if (rollups.loading && !rollups.value) return <Progress />;
  if (rollups.error) {
    return <ErrorNotice what="the team rollups" error={rollups.error} onRetry={rollups.retry} />;
  }
  const company = rollups.value?.items.find(r => r.orgRef === WHOLE_COMPANY);
  if (!company) {
    return (
      <EmptyState
        missing="data"
        title={`No team runs ${platform.title} yet`}
        description="Teams appear here once a scan finds deployments owned by groups in the catalog."
      />
    );
  }
  // Measured only while a standard is in force.
  const measured = company.conformance !== null && company.conformance !== undefined;
  const owned = roots.reduce((sum, r) => sum + r.rollup.deployments, 0);
  const unowned = company.deployments - owned;

  const toggle = (ref: string) => {
    const next = new Set(open);
    if (next.has(ref)) next.delete(ref);
    else next.add(ref);
    setExpanded(next);
  };
  // A new column starts in its natural order: names A→Z, figures largest first.
  const onSort = (key: OrgSortKey) =>
    setSort(current => {
      if (current.key === key) {
        return { key, order: current.order === 'desc' ? 'asc' : 'desc' };
      }
      return { key, order: key === 'title' ? 'asc' : 'desc' };
    });

  const figure = (value: number, tone?: 'warning' | 'success') => (
    <span className={value > 0 && tone ? classes[tone] : undefined}>
      {formatNumber(value)}
    </span>
  );

  return (
    <>
      <DepartmentChart roots={roots} />
      <Paper variant="outlined">
        <Box p={2} display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 16 }}>
          <SearchBox id="platform-adoption-find-team" label="Find a team" value={search} onChange={setSearch} />
          <Button onClick={() => setExpanded(new Set(expandableRefs(roots)))}>
            Expand all
          </Button>
          <Button onClick={() => setExpanded(new Set())}>Collapse all</Button>
        </Box>
        <TableContainer>
          <Table size="small" aria-label={`${platform.title} by org unit`}>
            <TableHead>
              <TableRow>
                <TableCell sortDirection={sort.key === 'title' ? sort.order : false}>
                  <TableSortLabel
                    active={sort.key === 'title'}
                    direction={sort.key === 'title' ? sort.order : 'asc'}
                    onClick={() => onSort('title')}
                  >
                    Org unit
                  </TableSortLabel>
                </TableCell>
                {COLUMNS.map(c => (
                  <TableCell
                    key={c.key}
                    className={classes.number}
                    sortDirection={sort.key === c.key ? sort.order : false}
                  >
                    <TableSortLabel
                      active={sort.key === c.key}
                      direction={sort.key === c.key ? sort.order : 'desc'}
                      onClick={() => onSort(c.key)}
                    >
                      {c.label}
                    </TableSortLabel>
                  </TableCell>
                ))}
                {measured && <TableCell className={classes.number}>Conforming</TableCell>}
                <TableCell>Stage</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              <TableRow className={classes.company}>
                <TableCell>
                  <strong>Whole company</strong>
                </TableCell>
                <TableCell className={classes.number}>{figure(company.deployments)}</TableCell>
                <TableCell className={classes.number}>{figure(company.production)}</TableCell>
                <TableCell className={classes.number}>{figure(company.nonProduction)}</TableCell>
                <TableCell className={classes.number}>{figure(company.teams)}</TableCell>
                <TableCell className={classes.number}>{figure(company.snowflakes, 'warning')}</TableCell>
                <TableCell className={classes.number}>{figure(company.positiveDeviants, 'success')}</TableCell>
                {measured && (
                  <TableCell className={classes.number}>{conformanceText(company.conformance)}</TableCell>
                )}
                <TableCell>
                  <StageBadge stage={company.stage} />
                </TableCell>
              </TableRow>
              {rows.map(({ node, depth }) => {
                const isOpen = Boolean(filter) || open.has(node.ref);
                return (
                  <TableRow key={node.ref} hover>
                    <TableCell>
                      <div className={classes.title} style={{ paddingLeft: depth * 24 }}>
                        {node.children.length > 0 ? (
                          <IconButton
                            size="small"
                            aria-expanded={isOpen}
                            aria-label={`${isOpen ? 'Collapse' : 'Expand'} ${node.title}`}
                            onClick={() => toggle(node.ref)}
                            disabled={Boolean(filter)}
                          >
                            {isOpen ? <ExpandMoreIcon /> : <ChevronRightIcon />}
                          </IconButton>
                        ) : (
                          <span className={classes.spacer} />
                        )}
                        <Link
                          to={deploymentsLink(basePath, { team: node.ref })}
                          title={`Deployments of ${node.title} and its sub-teams`}
                        >
                          {node.title}
                        </Link>
                        {node.type && (
                          <Typography variant="caption" color="textSecondary" className={classes.type}>
                            {node.type}
                          </Typography>
                        )}
                      </div>
                    </TableCell>
                    <TableCell className={classes.number}>{figure(node.rollup.deployments)}</TableCell>
                    <TableCell className={classes.number}>{figure(node.rollup.production)}</TableCell>
                    <TableCell className={classes.number}>{figure(node.rollup.nonProduction)}</TableCell>
                    <TableCell className={classes.number}>{figure(node.rollup.teams)}</TableCell>
                    <TableCell className={classes.number}>{figure(node.rollup.snowflakes, 'warning')}</TableCell>
                    <TableCell className={classes.number}>{figure(node.rollup.positiveDeviants, 'success')}</TableCell>
                    {measured && (
                      <TableCell className={classes.number}>{conformanceText(node.rollup.conformance)}</TableCell>
                    )}
                    <TableCell>
                      <StageBadge stage={node.rollup.stage} />
                    </TableCell>
                  </TableRow>
                );
              })}
              {filter && rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={COLUMNS.length + (measured ? 3 : 2)}>
                    No org unit running {platform.title} matches “{search}”.
                  </TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
        {unowned > 0 && (
          <Box p={2}>
            <Typography variant="body2" color="textSecondary">
              {pluralize(unowned, 'deployment')} belong to no group in the
              catalog (no owner, or an owner the catalog does not know). Set
              spec.owner on their entities to place them in the tree.
            </Typography>
          </Box>
        )}
      </Paper>
    </>
  );
};
