import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { OrgTreeNode } from './orgTree';

/** The most units the chart shows; the table below has them all. */
const MAX_UNITS = 12;

/** The level worth charting: below a single root (the organisation itself). */
export function chartLevel(roots: OrgTreeNode[]): OrgTreeNode[] {
  const level = roots.length === 1 && roots[0].children.length ? roots[0].children : roots;
  return [...level]
    .sort((a, b) => b.rollup.deployments - a.rollup.deployments)
    .slice(0, MAX_UNITS);
}

/** Production and non-production deployments per department, stacked. */
export const DepartmentChart = (props: { roots: OrgTreeNode[] }) => {
  const theme = useTheme();
  const units = chartLevel(props.roots);
  if (units.length < 2) return null;
  const data = units.map(u => ({
    name: u.title,
    production: u.rollup.production,
    nonProduction: u.rollup.nonProduction,
  }));
  const summary = units
    .map(u => `${u.title}: ${u.rollup.production} production, ${u.rollup.nonProduction} non-production`)
    .join('; ');

  return (
    <Box mb={3}>
      <Paper variant="outlined">
        <Box p={2}>
          <Typography variant="h6" component="h2">
            Where it runs
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Deployments per {units[0].type ?? 'org unit'}, production and
            non-production.
          </Typography>
          <div role="img" aria-label={summary}>
            <ResponsiveContainer width="100%" height={40 + data.length * 32}>
              <BarChart data={data} layout="vertical" margin={{ left: 24, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke={theme.palette.divider} />
                <XAxis type="number" allowDecimals={false} stroke={theme.palette.text.secondary} />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={160}
                  stroke={theme.palette.text.secondary}
                />
                <Tooltip
                  contentStyle={{
                    backgroundColor: theme.palette.background.paper,
                    color: theme.palette.text.primary,
                  }}
                  cursor={{ fill: theme.palette.action.hover }}
                />
                <Legend />
                <Bar dataKey="production" name="Production" stackId="a" fill={theme.palette.primary.main} />
                <Bar
                  dataKey="nonProduction"
                  name="Non-production"
                  stackId="a"
                  fill={theme.palette.info.light}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Box>
      </Paper>
    </Box>
  );
};
