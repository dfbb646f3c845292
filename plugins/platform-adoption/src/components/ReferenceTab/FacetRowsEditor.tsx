import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableContainer from '@material-ui/core/TableContainer';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/DeleteOutline';
import type { FacetDefinition } from '@platform-adoption/plugin-platform-adoption-common';
import { ReactNode } from 'react';
import {
  EditorErrors,
  FacetRow,
  newKey,
  REQUIREMENT_KINDS,
  RequirementKind,
} from './referenceEditing';

function valuesHint(facet: FacetDefinition | undefined, kind: RequirementKind) {
  if (kind === 'versionRange') return 'e.g. >=7.0, or >=15 <17';
  if (facet?.kind === 'boolean') return 'true or false';
  if (kind === 'oneOf') return 'Values separated by commas';
  return facet?.kind === 'numeric' ? 'A number' : 'The value';
}

/**
 * Facet requirements as editable rows: which facet, how it is required
 * (equals, one of, a version range), the values, and optionally why and
 * what the fleet says about it.
 */
export const FacetRowsEditor = (props: {
  rows: FacetRow[];
  onChange: (rows: FacetRow[]) => void;
  facets: FacetDefinition[];
  errors: EditorErrors;
  /** Prefixes input names, e.g. the variant's id. */
  label?: string;
  withRationale?: boolean;
  /** Extra content per row, such as the evidence behind a proposal. */
  evidence?: (row: FacetRow) => ReactNode;
}) => {
  const { rows, onChange, facets, errors, label, withRationale, evidence } = props;
  /** An input's accessible name: "Values for Backup", or "Variant sharded: values for Topology". */
  const named = (text: string) => (label ? `${label}: ${text}` : text.charAt(0).toUpperCase() + text.slice(1));
  const update = (key: string, patch: Partial<FacetRow>) =>
    onChange(rows.map(r => (r.key === key ? { ...r, ...patch } : r)));
  const unused = facets.find(f => !rows.some(r => r.facet === f.id));

  return (
    <>
      <TableContainer>
      <Table size="small" aria-label={named('facet requirements')}>
        <TableHead>
          <TableRow>
            <TableCell>Facet</TableCell>
            <TableCell>Requirement</TableCell>
            <TableCell>Values</TableCell>
            {withRationale && <TableCell>Why</TableCell>}
            {evidence && <TableCell>Evidence</TableCell>}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, index) => {
            const definition = facets.find(f => f.id === row.facet);
            const name = definition?.title ?? (row.facet || `facet ${index + 1}`);
            const error = errors[`facet:${row.key}`];
            return (
              <TableRow key={row.key}>
                <TableCell style={{ minWidth: 170 }}>
                  <TextField
                    select
                    fullWidth
                    SelectProps={{ native: true }}
                    value={row.facet}
                    inputProps={{ 'aria-label': named(`facet ${index + 1}`) }}
                    onChange={e => {
                      const next = facets.find(f => f.id === e.target.value);
                      // Ranges are for versions; other facets take values.
                      let kind = row.kind;
                      if (next?.kind === 'version') kind = 'versionRange';
                      else if (kind === 'versionRange') kind = 'equals';
                      update(row.key, { facet: e.target.value, kind });
                    }}
                  >
                    <option value="">Choose…</option>
                    {facets.map(f => (
                      <option key={f.id} value={f.id}>
                        {f.title}
                      </option>
                    ))}
                  </TextField>
                </TableCell>
                <TableCell style={{ minWidth: 130 }}>
                  <TextField
                    select
                    fullWidth
                    SelectProps={{ native: true }}
                    value={row.kind}
                    inputProps={{ 'aria-label': named(`requirement for ${name}`) }}
                    onChange={e => update(row.key, { kind: e.target.value as RequirementKind })}
                  >
                    {REQUIREMENT_KINDS.filter(
                      k => k.kind !== 'versionRange' || definition?.kind === 'version' || row.kind === 'versionRange',
                    ).map(k => (
                      <option key={k.kind} value={k.kind}>
                        {k.label}
                      </option>
                    ))}
                  </TextField>
                </TableCell>
                <TableCell style={{ minWidth: 200 }}>
                  <TextField
                    fullWidth
                    value={row.text}
                    error={Boolean(error)}
                    helperText={error ?? valuesHint(definition, row.kind)}
                    inputProps={{ 'aria-label': named(`values for ${name}`) }}
                    onChange={e => update(row.key, { text: e.target.value })}
                  />
                </TableCell>
                {withRationale && (
                  <TableCell style={{ minWidth: 220 }}>
                    <TextField
                      fullWidth
                      multiline
                      value={row.rationale}
                      inputProps={{ 'aria-label': named(`rationale for ${name}`) }}
                      onChange={e => update(row.key, { rationale: e.target.value })}
                    />
                  </TableCell>
                )}
                {evidence && <TableCell style={{ minWidth: 170 }}>{evidence(row)}</TableCell>}
                <TableCell padding="checkbox">
                  <IconButton
                    size="small"
                    aria-label={named(`remove ${name}`)}
                    onClick={() => onChange(rows.filter(r => r.key !== row.key))}
                  >
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      </TableContainer>
      <Box mt={1}>
        <Button
          size="small"
          startIcon={<AddIcon />}
          disabled={!unused}
          onClick={() =>
            unused &&
            onChange([
              ...rows,
              {
                key: newKey(),
                facet: unused.id,
                kind: unused.kind === 'version' ? 'versionRange' : 'equals',
                text: '',
                rationale: '',
              },
            ])
          }
        >
          {label ? `Add a facet to ${label}` : 'Add a facet'}
        </Button>
      </Box>
    </>
  );
};
