import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  describeRequirement,
  ReferenceArchitectureContent,
  ReferenceArchitectureVersion,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ActorLink } from '../shared/ActorLink';
import { formatDateTime, humanize } from '../shared/format';
import { FacetTitles } from '../shared/reasons';

/** The requirements of a reference: one row per facet, with why. */
export const RequirementTable = (props: {
  facets: ReferenceArchitectureContent['facets'];
  titles: FacetTitles;
  label: string;
}) => {
  const { facets, titles, label } = props;
  const rows = Object.entries(facets);
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No facet is required.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Facet</TableCell>
          <TableCell>Required</TableCell>
          <TableCell>Why</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(([id, facet]) => (
          <TableRow key={id}>
            <TableCell component="th" scope="row">
              {titles(id)}
            </TableCell>
            <TableCell>
              <strong>{describeRequirement(facet.requirement)}</strong>
            </TableCell>
            <TableCell>
              <Typography variant="body2" color="textSecondary">
                {facet.rationale ?? '—'}
              </Typography>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Variants and practices of a reference, as readers see them. */
export const VariantsAndPractices = (props: {
  content: ReferenceArchitectureContent;
  titles: FacetTitles;
}) => {
  const { content, titles } = props;
  return (
    <>
      <Box mt={3}>
        <Typography variant="h6" component="h3">
          Approved variants
        </Typography>
        {content.variants.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            None: every deployment meets the base requirements.
          </Typography>
        ) : (
          content.variants.map(variant => (
            <Box key={variant.id} mt={1}>
              <Typography variant="subtitle1" component="h4">
                {variant.title} <Chip size="small" variant="outlined" label={variant.id} />
              </Typography>
              {variant.description && (
                <Typography variant="body2" color="textSecondary">
                  {variant.description}
                </Typography>
              )}
              <Typography variant="body2">
                Instead of the base:{' '}
                {Object.entries(variant.facets)
                  .map(([id, requirement]) => `${titles(id)} ${describeRequirement(requirement)}`)
                  .join('; ') || 'nothing'}
              </Typography>
            </Box>
          ))
        )}
      </Box>
      <Box mt={3}>
        <Typography variant="h6" component="h3">
          Practices
        </Typography>
        {content.practices.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No backup, monitoring, identity or playbook practice is named yet.
          </Typography>
        ) : (
          <Box component="ul" pl={2} m={0}>
            {content.practices.map(practice => (
              <li key={`${practice.kind}-${practice.title}`}>
                <Typography variant="body2" component="span">
                  <Chip size="small" label={humanize(practice.kind)} />{' '}
                  {practice.url ? (
                    <Link to={practice.url} externalLinkIcon>
                      {practice.title}
                    </Link>
                  ) : (
                    <strong>{practice.title}</strong>
                  )}
                  {practice.description && ` — ${practice.description}`}
                </Typography>
              </li>
            ))}
          </Box>
        )}
      </Box>
    </>
  );
};

/**
 * The standard in force: who owns it, which version, who published it and
 * when, every facet requirement with its rationale, the approved variants
 * and the practices that go with it.
 */
export const StandardView = (props: {
  standard: ReferenceArchitectureVersion;
  titles: FacetTitles;
}) => {
  const { standard, titles } = props;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="reference-standard-title">
      <Box p={2}>
        <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
          <Typography variant="h5" component="h2" id="reference-standard-title">
            {standard.title}
          </Typography>
          <Chip color="primary" size="small" label={`Version ${standard.version}`} />
        </Box>
        <Typography variant="body2" color="textSecondary">
          Owned by <EntityRefLink entityRef={standard.ownerRef} hideIcon /> · published by{' '}
          <ActorLink actor={standard.publishedBy} /> on {formatDateTime(standard.publishedAt)}
        </Typography>
        {standard.rationale && (
          <Typography variant="body1" paragraph style={{ marginTop: 8 }}>
            {standard.rationale}
          </Typography>
        )}
        <Typography variant="h6" component="h3">
          Requirements
        </Typography>
        <RequirementTable
          facets={standard.facets}
          titles={titles}
          label={`Requirements of version ${standard.version}`}
        />
        <VariantsAndPractices content={standard} titles={titles} />
      </Box>
    </Paper>
  );
};
