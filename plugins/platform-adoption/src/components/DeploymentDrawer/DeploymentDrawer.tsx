import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import Alert from '@material-ui/lab/Alert';
import type {
  Deployment,
  FacetDefinition,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformAdoptionApiRef } from '../../api';
import { ErrorNotice } from '../shared/ErrorNotice';
import { FacetValue } from '../shared/FacetValue';
import { evidenceLabel, repositoryUrl } from '../shared/links';

/** The search parameter that opens the drawer, on any platform tab. */
export const DEPLOYMENT_PARAM = 'deployment';

const useStyles = makeStyles(theme => ({
  paper: { width: 560, maxWidth: '100vw' },
  body: { padding: theme.spacing(2, 3) },
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    padding: theme.spacing(2, 3, 0),
  },
  label: { width: '35%', color: theme.palette.text.secondary },
}));

const Field = (props: { label: string; children: ReactNode }) => {
  const classes = useStyles();
  return (
    <TableRow>
      <TableCell component="th" scope="row" className={classes.label}>
        {props.label}
      </TableCell>
      <TableCell>{props.children ?? '—'}</TableCell>
    </TableRow>
  );
};

const EntityField = ({ entityRef }: { entityRef?: string }) =>
  entityRef ? <EntityRefLink entityRef={entityRef} /> : <>—</>;

const DeploymentDetails = (props: {
  deployment: Deployment;
  facets: FacetDefinition[];
}) => {
  const { deployment: d, facets } = props;
  const repo = repositoryUrl(d.repository);
  const known = new Set(facets.map(f => f.id));
  const extra = Object.keys(d.facets).filter(id => !known.has(id));
  return (
    <>
      {d.stale && (
        <Box mb={2}>
          <Alert severity="warning">
            Stale: kept from an earlier scan. {d.staleReason}
          </Alert>
        </Box>
      )}
      <Table size="small" aria-label="Deployment details">
        <TableBody>
          <Field label="Kind">
            {d.kind === 'client' ? 'Client usage (driver only)' : 'Server'}
          </Field>
          <Field label="Team"><EntityField entityRef={d.teamRef} /></Field>
          <Field label="Entity"><EntityField entityRef={d.entityRef} /></Field>
          <Field label="System"><EntityField entityRef={d.systemRef} /></Field>
          <Field label="Environment">{d.environment}</Field>
          <Field label="Declared by">
            {d.declaredBy ? (
              <EntityRefLink entityRef={d.declaredBy} />
            ) : (
              'Nothing in the catalog (shadow adoption)'
            )}
          </Field>
          <Field label="Repository">
            {repo ? <Link to={repo}>{repo}</Link> : d.repository}
          </Field>
          <Field label="Key">
            <code>{d.key}</code>
          </Field>
        </TableBody>
      </Table>
      <Box mt={3}>
        <Typography variant="h6" component="h3" gutterBottom>
          Facets
        </Typography>
        <Table size="small" aria-label="Facets and their evidence">
          <TableBody>
            {[...facets.map(f => [f.id, f.title]), ...extra.map(id => [id, id])]
              .filter(([id]) => d.facets[id])
              .map(([id, title]) => (
                <TableRow key={id}>
                  <TableCell component="th" scope="row">
                    {title}
                  </TableCell>
                  <TableCell>
                    <FacetValue
                      facetTitle={title}
                      value={d.facets[id]}
                      repository={d.repository}
                    />
                  </TableCell>
                  <TableCell>
                    <Typography variant="caption" color="textSecondary">
                      {evidenceLabel(d.facets[id].evidence)}
                    </Typography>
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      </Box>
    </>
  );
};

/**
 * One deployment in full — every facet with where it came from — opened
 * from any list by `?deployment=<id>`, so it can be linked to.
 */
export const DeploymentDrawer = (props: { facets: FacetDefinition[] }) => {
  const classes = useStyles();
  const api = useApi(platformAdoptionApiRef);
  const [params, setParams] = useSearchParams();
  const id = params.get(DEPLOYMENT_PARAM);
  const deployment = useAsyncRetry(
    async () => (id ? api.getDeployment(id) : undefined),
    [api, id],
  );

  const close = () => {
    const next = new URLSearchParams(params);
    next.delete(DEPLOYMENT_PARAM);
    setParams(next);
  };

  return (
    <Drawer
      anchor="right"
      open={Boolean(id)}
      onClose={close}
      classes={{ paper: classes.paper }}
    >
      <div className={classes.header}>
        <Typography variant="h5" component="h2">
          {deployment.value?.name ?? 'Deployment'}
        </Typography>
        <IconButton aria-label="Close deployment details" onClick={close}>
          <CloseIcon />
        </IconButton>
      </div>
      <div className={classes.body}>
        {deployment.loading && <Progress />}
        {deployment.error && (
          <ErrorNotice
            what="this deployment"
            error={deployment.error}
            onRetry={deployment.retry}
          />
        )}
        {deployment.value && (
          <DeploymentDetails deployment={deployment.value} facets={props.facets} />
        )}
      </div>
    </Drawer>
  );
};

/** `?deployment=<id>` added to the current search, for links that open the drawer. */
export function withDeploymentParam(search: URLSearchParams, id: string) {
  const next = new URLSearchParams(search);
  next.set(DEPLOYMENT_PARAM, id);
  return `?${next.toString()}`;
}
