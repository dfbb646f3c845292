import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { PlatformSummaryResponse } from '@platform-adoption/plugin-platform-adoption-common';
import { pluralize } from '../shared/format';
import { repositoryUrl } from '../shared/links';

/**
 * Shadow adoption: repositories using the platform with nothing declared
 * in the catalog, and Resources declaring it with no configuration found.
 */
export const ShadowCallout = (props: { summary: PlatformSummaryResponse; title: string }) => {
  const { shadow, declaredWithoutConfiguration: declared } = props.summary;
  if (!shadow.length && !declared.length) return null;
  const parts = [
    shadow.length &&
      `found in ${pluralize(shadow.length, 'repository', 'repositories')} with nothing declared`,
    declared.length &&
      `declared by ${pluralize(declared.length, 'Resource')} with no configuration found`,
  ].filter(Boolean);

  return (
    <Box mb={2}>
      <Accordion variant="outlined">
        <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="shadow-adoption" id="shadow-adoption-header">
          <Typography>
            <strong>Shadow adoption:</strong> {props.title} {parts.join('; ')}.
          </Typography>
        </AccordionSummary>
        <AccordionDetails id="shadow-adoption">
          <Box width="100%">
            {shadow.length > 0 && (
              <>
                <Typography variant="body2" color="textSecondary" paragraph>
                  Declare these in the catalog (a Resource the component
                  depends on) so ownership and reviews cover them.
                </Typography>
                <Table size="small" aria-label="Repositories using the platform undeclared">
                  <TableHead>
                    <TableRow>
                      <TableCell>Repository</TableCell>
                      <TableCell>Entity</TableCell>
                      <TableCell>Team</TableCell>
                      <TableCell>Found</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {shadow.map(s => {
                      const url = repositoryUrl(s.repository);
                      return (
                        <TableRow key={s.repository}>
                          <TableCell>{url ? <Link to={url}>{url}</Link> : s.repository}</TableCell>
                          <TableCell>{s.entityRef ? <EntityRefLink entityRef={s.entityRef} hideIcon /> : '—'}</TableCell>
                          <TableCell>{s.teamRef ? <EntityRefLink entityRef={s.teamRef} hideIcon /> : '—'}</TableCell>
                          <TableCell>
                            {s.kinds.includes('server') ? 'server configuration' : 'client library only'}
                          </TableCell>
                        </TableRow>
                      );
                    })}
                  </TableBody>
                </Table>
              </>
            )}
            {declared.length > 0 && (
              <Box mt={shadow.length ? 3 : 0}>
                <Typography variant="body2" color="textSecondary" paragraph>
                  Resources that declare {props.title} but whose configuration
                  was found nowhere: the configuration may live outside the
                  scanned repositories, or the Resource may be out of date.
                </Typography>
                <Table size="small" aria-label="Resources declared without configuration">
                  <TableHead>
                    <TableRow>
                      <TableCell>Resource</TableCell>
                      <TableCell>Team</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {declared.map(d => (
                      <TableRow key={d.resourceRef}>
                        <TableCell><EntityRefLink entityRef={d.resourceRef} hideIcon /></TableCell>
                        <TableCell>{d.teamRef ? <EntityRefLink entityRef={d.teamRef} hideIcon /> : '—'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            )}
          </Box>
        </AccordionDetails>
      </Accordion>
    </Box>
  );
};
