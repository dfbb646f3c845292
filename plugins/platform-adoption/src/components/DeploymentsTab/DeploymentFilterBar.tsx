import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  DEPLOYMENT_ENVIRONMENTS,
  FacetBarCount,
  FacetDefinition,
  OrgUnitNode,
} from '@platform-adoption/plugin-platform-adoption-common';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { shortRef } from '../shared/format';
import { SearchBox } from '../shared/SearchBox';
import { DeploymentFilters, isFiltered, withFacet } from './deploymentFilters';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
  },
  search: { minWidth: 280, flexGrow: 1 },
  team: { width: 260 },
  environment: { width: 170 },
  facet: { width: 180 },
  facetValue: { width: 200 },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1.5),
  },
}));

/** The search box, which waits for the typing to pause before it filters. */
const SearchField = (props: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) => {
  const classes = useStyles();
  const { value, onChange } = props;
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  useDebounce(
    () => {
      if ((text.trim() || undefined) !== value) onChange(text.trim() || undefined);
    },
    350,
    [text],
  );
  return (
    <SearchBox
      id="platform-adoption-deployment-search"
      className={classes.search}
      label="Search"
      placeholder="Name, entity, repository or team"
      value={text}
      onChange={setText}
    />
  );
};

/** Pick a facet, then one of its values (or type one), then add it. */
const FacetFilterPicker = (props: {
  facets: FacetDefinition[];
  distributions: Record<string, FacetBarCount[]>;
  onAdd: (facet: string, value: string) => void;
}) => {
  const classes = useStyles();
  const { facets, distributions, onAdd } = props;
  const [facetId, setFacetId] = useState('');
  const [value, setValue] = useState('');
  const facet = facets.find(f => f.id === facetId);
  const suggestions = (distributions[facetId] ?? []).map(b => b.value);

  const add = () => {
    if (facetId && value.trim()) {
      onAdd(facetId, value.trim());
      setValue('');
    }
  };

  return (
    <>
      <TextField
        id="platform-adoption-facet-filter"
        select
        className={classes.facet}
        label="Facet"
        value={facetId}
        onChange={e => {
          setFacetId(e.target.value);
          setValue('');
        }}
      >
        {facets.map(f => (
          <MenuItem key={f.id} value={f.id}>
            {f.title}
          </MenuItem>
        ))}
      </TextField>
      <Autocomplete
        id="platform-adoption-facet-value"
        freeSolo
        className={classes.facetValue}
        options={suggestions}
        disabled={!facetId}
        inputValue={value}
        onInputChange={(_e, next) => setValue(next)}
        renderInput={params => (
          <TextField
            {...params}
            label={facet ? `${facet.title} value` : 'Value'}
            helperText={
              facet?.kind === 'version' ? 'A line (7.0) matches its releases' : undefined
            }
            onKeyDown={e => {
              if (e.key === 'Enter') add();
            }}
          />
        )}
      />
      <Button
        variant="outlined"
        onClick={add}
        disabled={!facetId || !value.trim()}
      >
        Add filter
      </Button>
    </>
  );
};

/**
 * Every way to narrow the deployment list: search, team (with sub-teams),
 * environment and any facet value; active filters are chips to remove.
 */
export const DeploymentFilterBar = (props: {
  filters: DeploymentFilters;
  onChange: (filters: DeploymentFilters) => void;
  facets: FacetDefinition[];
  distributions: Record<string, FacetBarCount[]>;
  orgUnits: OrgUnitNode[];
}) => {
  const classes = useStyles();
  const { filters, onChange, facets, distributions, orgUnits } = props;
  const unitByRef = new Map(orgUnits.map(u => [u.ref, u]));
  const teamTitle = (ref: string) => unitByRef.get(ref)?.title ?? shortRef(ref);
  const facetTitle = (id: string) => facets.find(f => f.id === id)?.title ?? id;
  const selectedTeam = filters.team
    ? unitByRef.get(filters.team) ?? { ref: filters.team, title: shortRef(filters.team) }
    : null;

  return (
    <Box mb={2}>
      <div className={classes.row}>
        <SearchField
          value={filters.search}
          onChange={search => onChange({ ...filters, search })}
        />
        <Autocomplete
          id="platform-adoption-team-filter"
          className={classes.team}
          options={[...orgUnits].sort((a, b) => a.title.localeCompare(b.title))}
          getOptionLabel={u => u.title}
          getOptionSelected={(a, b) => a.ref === b.ref}
          renderOption={u => (
            <span>
              {u.title}{' '}
              {u.type && (
                <small style={{ opacity: 0.7 }}>({u.type})</small>
              )}
            </span>
          )}
          value={selectedTeam}
          onChange={(_e, unit) => onChange({ ...filters, team: unit?.ref })}
          renderInput={params => (
            <TextField {...params} label="Team" helperText="Includes sub-teams" />
          )}
        />
        <TextField
          id="platform-adoption-environment-filter"
          select
          className={classes.environment}
          label="Environment"
          value={filters.environment ?? ''}
          onChange={e =>
            onChange({ ...filters, environment: e.target.value || undefined })
          }
        >
          <MenuItem value="">Any</MenuItem>
          {DEPLOYMENT_ENVIRONMENTS.map(env => (
            <MenuItem key={env} value={env}>
              {env}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="platform-adoption-kind-filter"
          select
          className={classes.environment}
          label="Kind"
          value={filters.kind ?? ''}
          onChange={e =>
            onChange({
              ...filters,
              kind: (e.target.value || undefined) as DeploymentFilters['kind'],
            })
          }
        >
          <MenuItem value="">Any</MenuItem>
          <MenuItem value="server">Servers</MenuItem>
          <MenuItem value="client">Client usages</MenuItem>
        </TextField>
        <FacetFilterPicker
          facets={facets}
          distributions={distributions}
          onAdd={(facet, value) => onChange(withFacet(filters, { facet, value }))}
        />
      </div>
      {isFiltered(filters) && (
        <div className={classes.chips} aria-label="Active filters" role="group">
          {filters.search && (
            <Chip
              label={`Search: “${filters.search}”`}
              onDelete={() => onChange({ ...filters, search: undefined })}
            />
          )}
          {filters.team && (
            <Chip
              label={`Team: ${teamTitle(filters.team)} and sub-teams`}
              onDelete={() => onChange({ ...filters, team: undefined })}
            />
          )}
          {filters.system && (
            <Chip
              label={`System: ${shortRef(filters.system)}`}
              onDelete={() => onChange({ ...filters, system: undefined })}
            />
          )}
          {filters.entity && (
            <Chip
              label={`Entity: ${shortRef(filters.entity)}`}
              onDelete={() => onChange({ ...filters, entity: undefined })}
            />
          )}
          {filters.environment && (
            <Chip
              label={`Environment: ${filters.environment}`}
              onDelete={() => onChange({ ...filters, environment: undefined })}
            />
          )}
          {filters.kind && (
            <Chip
              label={filters.kind === 'server' ? 'Servers only' : 'Client usages only'}
              onDelete={() => onChange({ ...filters, kind: undefined })}
            />
          )}
          {filters.declared !== undefined && (
            <Chip
              label={filters.declared ? 'Declared in the catalog' : 'Not declared in the catalog'}
              onDelete={() => onChange({ ...filters, declared: undefined })}
            />
          )}
          {filters.facets.map(f => (
            <Chip
              key={`${f.facet}:${f.value}`}
              label={`${facetTitle(f.facet)}: ${f.value}`}
              onDelete={() =>
                onChange({
                  ...filters,
                  facets: filters.facets.filter(
                    other => other.facet !== f.facet || other.value !== f.value,
                  ),
                })
              }
            />
          ))}
          <Button
            size="small"
            onClick={() =>
              onChange({
                ...filters,
                team: undefined,
                system: undefined,
                entity: undefined,
                environment: undefined,
                search: undefined,
                kind: undefined,
                declared: undefined,
                facets: [],
              })
            }
          >
            Clear all filters
          </Button>
        </div>
      )}
    </Box>
  );
};
