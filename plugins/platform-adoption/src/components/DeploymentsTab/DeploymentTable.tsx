import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import type {
  Deployment,
  FacetDefinition,
} from '@platform-adoption/plugin-platform-adoption-common';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import Link from '@material-ui/core/Link';
import type { DeploymentSort } from '../../api';
import { withDeploymentParam } from '../DeploymentDrawer/DeploymentDrawer';
import { FacetValue } from '../shared/FacetValue';

const useStyles = makeStyles(theme => ({
  container: { overflowX: 'auto' },
  stale: { backgroundColor: theme.palette.action.hover },
  staleNote: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.warning.main,
    maxWidth: 360,
  },
  name: { fontWeight: theme.typography.fontWeightMedium as number },
  nameCell: { minWidth: 200, overflowWrap: 'anywhere' },
  nowrap: { whiteSpace: 'nowrap' },
}));

const SortableHeader = (props: {
  label: string;
  sortKey: DeploymentSort;
  sort: DeploymentSort;
  order: 'asc' | 'desc';
  onSort: (sort: DeploymentSort) => void;
}) => {
  const { label, sortKey, sort, order, onSort } = props;
  const classes = useStyles();
  const active = sort === sortKey;
  const ariaSort = order === 'asc' ? 'ascending' : 'descending';
  // Headers keep their words whole: many facet columns scroll the table
  // sideways instead of squeezing each column to a letter.
  return (
    <TableCell
      className={classes.nowrap}
      sortDirection={active ? order : false}
      aria-sort={active ? ariaSort : undefined}
    >
      <TableSortLabel
        active={active}
        direction={active ? order : 'asc'}
        onClick={() => onSort(sortKey)}
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );
};

/**
 * One page of deployments: facets as columns, each value with its
 * evidence; stale rows say why. Sorting happens on the server.
 */
export const DeploymentTable = (props: {
  deployments: Deployment[];
  facets: FacetDefinition[];
  sort: DeploymentSort;
  order: 'asc' | 'desc';
  onSort: (sort: DeploymentSort) => void;
  onFacetFilter: (facet: string, value: string) => void;
}) => {
  const { deployments, facets, sort, order, onSort, onFacetFilter } = props;
  const classes = useStyles();
  const [params] = useSearchParams();
  const header = (label: string, sortKey: DeploymentSort) => (
    <SortableHeader
      key={sortKey}
      label={label}
      sortKey={sortKey}
      sort={sort}
      order={order}
      onSort={onSort}
    />
  );

  return (
    <TableContainer className={classes.container}>
      <Table size="small" aria-label="Deployments">
        <TableHead>
          <TableRow>
            {header('Deployment', 'name')}
            {header('Team', 'team')}
            {header('Entity', 'entity')}
            {header('Environment', 'environment')}
            {facets.map(f => header(f.title, `facet:${f.id}`))}
          </TableRow>
        </TableHead>
        <TableBody>
          {deployments.map(d => (
            <TableRow key={d.id} className={d.stale ? classes.stale : undefined}>
              <TableCell className={classes.nameCell}>
                <Link
                  component={RouterLink}
                  to={{ search: withDeploymentParam(params, d.id) }}
                  className={classes.name}
                >
                  {d.name}
                </Link>
                {d.kind === 'client' && (
                  <Typography variant="caption" color="textSecondary" component="div">
                    client usage (driver only)
                  </Typography>
                )}
                {d.stale && (
                  <Typography variant="caption" component="div" className={classes.staleNote}>
                    <WarningIcon fontSize="inherit" aria-hidden />
                    Stale: {d.staleReason ?? 'kept from an earlier scan'}
                  </Typography>
                )}
              </TableCell>
              <TableCell className={classes.nowrap}>
                {d.teamRef ? (
                  <EntityRefLink entityRef={d.teamRef} hideIcon />
                ) : (
                  <Typography variant="body2" color="textSecondary">
                    no owner
                  </Typography>
                )}
              </TableCell>
              <TableCell className={classes.nowrap}>
                {d.entityRef ? <EntityRefLink entityRef={d.entityRef} hideIcon /> : '—'}
              </TableCell>
              <TableCell className={classes.nowrap}>{d.environment ?? '—'}</TableCell>
              {facets.map(f => (
                <TableCell key={f.id} className={classes.nowrap}>
                  <FacetValue
                    facetTitle={f.title}
                    value={d.facets[f.id]}
                    repository={d.repository}
                    onFilter={value => onFacetFilter(f.id, value)}
                  />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
