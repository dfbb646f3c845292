import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import TablePagination from '@material-ui/core/TablePagination';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { DeploymentSort, platformAdoptionApiRef } from '../../api';
import { usePlatformContext } from '../PlatformPage/PlatformContext';
import { CsvExportButton } from '../shared/CsvExportButton';
import { ErrorNotice } from '../shared/ErrorNotice';
import { formatNumber } from '../shared/format';
import { useOrgUnits } from '../shared/useOrgUnits';
import { ColumnChooser, defaultFacetColumns } from './ColumnChooser';
import { deploymentCsvColumns } from './deploymentCsv';
import { DeploymentFilterBar } from './DeploymentFilterBar';
import {
  DeploymentFilters,
  isFiltered,
  PAGE_SIZES,
  readFilters,
  toQuery,
  withFacet,
  writeFilters,
} from './deploymentFilters';
import { DeploymentTable } from './DeploymentTable';

/** The largest page the API serves, used for exports. */
const EXPORT_PAGE_SIZE = 500;

/**
 * Every deployment of a platform, filtered, sorted and paged by the server
 * (a cursor per page, so tens of thousands of rows cost one page at a
 * time), with a CSV export of the whole filtered list.
 */
export const DeploymentsTab = () => {
  const api = useApi(platformAdoptionApiRef);
  const { platform, summary } = usePlatformContext();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const query = useMemo(() => toQuery(platform.id, filters), [platform.id, filters]);
  const queryKey = JSON.stringify(query);
  const { units } = useOrgUnits(platform.id);
  const [visibleFacets, setVisibleFacets] = useState(() =>
    defaultFacetColumns(platform.facets),
  );

  // The cursors of the pages visited, so "previous" needs no new cursor;
  // any change of filter or sort starts again at the first page.
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | undefined> }>(
    { key: queryKey, cursors: [undefined] },
  );
  const cursors = paging.key === queryKey ? paging.cursors : [undefined];
  const pageIndex = cursors.length - 1;
  const cursor = cursors[pageIndex];

  const page = useAsyncRetry(
    () => api.listDeployments({ ...query, cursor }),
    [api, queryKey, cursor, pageIndex],
  );

  const setFilters = useCallback(
    (next: DeploymentFilters) => setParams(writeFilters(next, params)),
    [params, setParams],
  );

  const onSort = (sort: DeploymentSort) =>
    setFilters({
      ...filters,
      sort,
      order: filters.sort === sort && filters.order === 'asc' ? 'desc' : 'asc',
    });

  const facetColumns = platform.facets.filter(f => visibleFacets.includes(f.id));
  const csvFilename = `platform-adoption-${platform.id}-deployments-${new Date()
    .toISOString()
    .slice(0, 10)}.csv`;

  let body: JSX.Element;
  if (page.error) {
    body = <ErrorNotice what="the deployments" error={page.error} onRetry={page.retry} />;
  } else if (!page.value) {
    body = <Progress />;
  } else if (page.value.totalCount === 0) {
    body = isFiltered(filters) ? (
      <EmptyState
        missing="data"
        title="No deployments match these filters"
        description="Remove a filter, or widen the search, to see more."
        action={
          <Button
            variant="outlined"
            onClick={() =>
              setFilters({ ...readFilters(new URLSearchParams()), sort: filters.sort, order: filters.order })
            }
          >
            Clear all filters
          </Button>
        }
      />
    ) : (
      <EmptyState
        missing="data"
        title={
          page.value.generation === null
            ? 'No scan has finished yet'
            : `No ${platform.title} deployments found`
        }
        description={
          page.value.generation === null
            ? 'Deployments appear here after the first scan of the catalog and its repositories.'
            : `The last scan found no ${platform.title} configuration in the repositories behind the catalog, and no Resource declaring one.`
        }
      />
    );
  } else {
    const { items, totalCount, nextCursor } = page.value;
    body = (
      <>
        <Box style={{ opacity: page.loading ? 0.6 : 1 }}>
          <DeploymentTable
            deployments={items}
            facets={facetColumns}
            sort={filters.sort}
            order={filters.order}
            onSort={onSort}
            onFacetFilter={(facet, value) => setFilters(withFacet(filters, { facet, value }))}
          />
        </Box>
        <TablePagination
          component="div"
          count={totalCount}
          page={pageIndex}
          rowsPerPage={filters.pageSize}
          rowsPerPageOptions={PAGE_SIZES}
          labelRowsPerPage="Deployments per page"
          labelDisplayedRows={({ from, to, count }) =>
            `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(count)}`
          }
          nextIconButtonProps={{ disabled: !nextCursor || page.loading }}
          backIconButtonProps={{ disabled: pageIndex === 0 || page.loading }}
          onPageChange={(_e, next) => {
            if (next > pageIndex && nextCursor) {
              setPaging({ key: queryKey, cursors: [...cursors, nextCursor] });
            } else if (next < pageIndex) {
              setPaging({ key: queryKey, cursors: cursors.slice(0, next + 1) });
            }
          }}
          onRowsPerPageChange={e =>
            setFilters({ ...filters, pageSize: Number(e.target.value) })
          }
        />
      </>
    );
  }

  return (
    <Paper variant="outlined">
      <Box p={2}>
        <DeploymentFilterBar
          filters={filters}
          onChange={setFilters}
          facets={platform.facets}
          distributions={summary.value?.distributions ?? {}}
          orgUnits={units}
        />
        <Box display="flex" justifyContent="flex-end" alignItems="center" style={{ gap: 8 }} mb={1}>
          <ColumnChooser
            facets={platform.facets}
            visible={visibleFacets}
            onChange={setVisibleFacets}
          />
          <CsvExportButton
            noun="deployments"
            filename={csvFilename}
            columns={deploymentCsvColumns(platform.facets)}
            disabled={!page.value || page.value.totalCount === 0}
            fetchPage={exportCursor =>
              api.listDeployments({ ...query, limit: EXPORT_PAGE_SIZE, cursor: exportCursor })
            }
          />
        </Box>
        {page.loading && page.value && <LinearProgress aria-label="Loading deployments" />}
        {body}
      </Box>
    </Paper>
  );
};
