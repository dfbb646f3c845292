import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import Alert from '@material-ui/lab/Alert';
import {
  Campaign,
  OrgUnitNode,
  platformAdoptionCampaignManagePermission,
} from '@platform-adoption/plugin-platform-adoption-common';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { CampaignStatus, platformAdoptionApiRef } from '../../api';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { ErrorNotice, errorMessage } from '../shared/ErrorNotice';
import { formatDateTime, formatNumber, pluralize, shortRef } from '../shared/format';
import { CreateCampaignDialog } from './CreateCampaignDialog';
import { timeAxisProps } from './HistoryChart';
import { burnDownRows, timeDay } from './progressData';

/** The search parameter that opens a campaign, so it can be linked to. */
export const CAMPAIGN_PARAM = 'campaign';

function daysLeftText(status: CampaignStatus): string {
  if (status.campaign.closedAt) return `closed ${formatDateTime(status.campaign.closedAt)}`;
  if (status.daysLeft < 0) return `deadline passed ${pluralize(-status.daysLeft, 'day')} ago`;
  return `${pluralize(status.daysLeft, 'day')} left`;
}

const BurnDown = ({ status }: { status: CampaignStatus }) => {
  const theme = useTheme();
  const rows = burnDownRows(status);
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No progress recorded yet: the burn-down starts with the next scan.
      </Typography>
    );
  }
  const measured = status.burnDown;
  const first = measured[0];
  const last = measured[measured.length - 1];
  return (
    <div
      role="img"
      aria-label={`Burn-down: ${first.nonconforming} of ${first.total} not conforming on ${first.day}, ${last.nonconforming} of ${last.total} on ${last.day}; target 0 by ${status.campaign.deadline.slice(0, 10)}`}
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={rows} margin={{ top: 16, right: 24, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
          <XAxis {...timeAxisProps} stroke={theme.palette.text.secondary} />
          <YAxis allowDecimals={false} stroke={theme.palette.text.secondary} />
          <Tooltip
            labelFormatter={(time: number) => timeDay(time)}
            contentStyle={{ backgroundColor: theme.palette.background.paper, color: theme.palette.text.primary }}
          />
          <Legend />
          <Line
            dataKey="nonconforming"
            name="Not conforming"
            stroke={theme.palette.error.main}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="total"
            name="In scope"
            stroke={theme.palette.text.secondary}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="ideal"
            name="On track"
            stroke={theme.palette.success.main}
            strokeDasharray="5 5"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
};

/** One campaign: its burn-down, and each team's progress with who is behind. */
const CampaignDetail = (props: {
  id: string;
  unitTitle: (ref: string) => string;
  canManage: boolean;
  onClosed: () => void;
}) => {
  const { id, unitTitle, canManage, onClosed } = props;
  const api = useApi(platformAdoptionApiRef);
  const status = useAsyncRetry(() => api.getCampaign(id), [api, id]);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  if (status.loading && !status.value) return <Progress />;
  if (status.error) return <ErrorNotice what="the campaign" error={status.error} onRetry={status.retry} />;
  const value = status.value!;
  const { campaign, teams } = value;
  const behind = teams.filter(t => t.behind).length;

  const close = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await api.closeCampaign(campaign.id);
      setConfirm(false);
      status.retry();
      onClosed();
    } catch (error) {
      setFailure(errorMessage(error as Error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="section" aria-labelledby="campaign-detail-title" mt={3}>
      <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
        <Typography variant="h6" component="h3" id="campaign-detail-title">
          {campaign.title}
        </Typography>
        <Chip size="small" label={`Target: version ${campaign.targetVersion}`} />
        <Chip size="small" variant="outlined" label={daysLeftText(value)} />
        {canManage && !campaign.closedAt && (
          <Button size="small" onClick={() => setConfirm(true)}>
            Close campaign
          </Button>
        )}
      </Box>
      <Typography variant="body2" color="textSecondary" paragraph>
        Scope: {campaign.scope.map(unitTitle).join(', ')} · deadline {formatDateTime(campaign.deadline)} · started by{' '}
        {shortRef(campaign.createdBy)}
      </Typography>
      {failure && <Alert severity="error">Could not close the campaign: {failure}</Alert>}
      <BurnDown status={value} />
      <Typography variant="subtitle1" component="h4" style={{ marginTop: 16 }}>
        Teams{behind > 0 ? ` (${behind} behind)` : ''}
      </Typography>
      {teams.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No team in scope runs a production deployment yet.
        </Typography>
      ) : (
        <Table size="small" aria-label={`Teams in ${campaign.title}`}>
          <TableHead>
            <TableRow>
              <TableCell>Team</TableCell>
              <TableCell align="right">Not conforming</TableCell>
              <TableCell align="right">At the start</TableCell>
              <TableCell align="right">In scope</TableCell>
              <TableCell>Status</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {teams.map(team => {
              let chip = <Chip size="small" variant="outlined" label="On track" />;
              if (team.behind) chip = <Chip size="small" color="secondary" label="Behind" />;
              else if (team.nonconforming === 0) chip = <Chip size="small" color="primary" label="Done" />;
              return (
                <TableRow key={team.teamRef}>
                  <TableCell component="th" scope="row">
                    <EntityRefLink entityRef={team.teamRef} hideIcon />
                  </TableCell>
                  <TableCell align="right">{formatNumber(team.nonconforming)}</TableCell>
                  <TableCell align="right">{formatNumber(team.initialNonconforming)}</TableCell>
                  <TableCell align="right">{formatNumber(team.total)}</TableCell>
                  <TableCell>{chip}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <ConfirmDialog
        open={confirm}
        title={`Close “${campaign.title}”?`}
        confirmLabel="Close campaign"
        busy={busy}
        onConfirm={close}
        onCancel={() => setConfirm(false)}
      >
        <Typography variant="body2">
          Its progress stops being tracked; the history stays. Teams keep the standard as it is.
        </Typography>
      </ConfirmDialog>
    </Box>
  );
};

/**
 * Standardization campaigns of a platform: the list, starting one (for the
 * center of excellence), and the chosen campaign's burn-down and teams.
 */
export const CampaignsPanel = (props: {
  platform: { id: string; title: string };
  units: OrgUnitNode[];
}) => {
  const { platform, units } = props;
  const api = useApi(platformAdoptionApiRef);
  const [params, setParams] = useSearchParams();
  const selected = params.get(CAMPAIGN_PARAM) ?? undefined;
  const { allowed: canManage } = usePermission({ permission: platformAdoptionCampaignManagePermission });
  const campaigns = useAsyncRetry(() => api.listCampaigns({ platform: platform.id }), [api, platform.id]);
  const reference = useAsyncRetry(
    async () => (canManage ? api.getReference(platform.id) : undefined),
    [api, platform.id, canManage],
  );
  const [creating, setCreating] = useState(false);
  const unitTitle = (ref: string) => units.find(u => u.ref === ref)?.title ?? shortRef(ref);

  const select = (id: string | undefined) => {
    const next = new URLSearchParams(params);
    if (id) next.set(CAMPAIGN_PARAM, id);
    else next.delete(CAMPAIGN_PARAM);
    setParams(next);
  };

  let body: JSX.Element;
  if (campaigns.loading && !campaigns.value) body = <Progress />;
  else if (campaigns.error) {
    body = <ErrorNotice what="the campaigns" error={campaigns.error} onRetry={campaigns.retry} />;
  } else if (campaigns.value!.items.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No campaign yet. A campaign sets a target reference version, the org units in scope and a deadline, and
        tracks who is behind.
      </Typography>
    );
  } else {
    const items = [...campaigns.value!.items].sort(
      (a: Campaign, b: Campaign) => Number(Boolean(a.closedAt)) - Number(Boolean(b.closedAt)) || a.deadline.localeCompare(b.deadline),
    );
    body = (
      <Table size="small" aria-label={`${platform.title} campaigns`}>
        <TableHead>
          <TableRow>
            <TableCell>Campaign</TableCell>
            <TableCell>Target</TableCell>
            <TableCell>Scope</TableCell>
            <TableCell>Deadline</TableCell>
            <TableCell>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(c => (
            <TableRow key={c.id} selected={c.id === selected}>
              <TableCell component="th" scope="row">
                <Link
                  component="button"
                  variant="body2"
                  onClick={() => select(c.id === selected ? undefined : c.id)}
                  aria-expanded={c.id === selected}
                >
                  {c.title}
                </Link>
              </TableCell>
              <TableCell>Version {c.targetVersion}</TableCell>
              <TableCell>{c.scope.map(unitTitle).join(', ')}</TableCell>
              <TableCell>{formatDateTime(c.deadline)}</TableCell>
              <TableCell>
                {c.closedAt ? (
                  <Chip size="small" variant="outlined" label="Closed" />
                ) : (
                  <Chip size="small" color="primary" label="Open" />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <Paper variant="outlined" component="section" aria-labelledby="campaigns-title">
      <Box p={2}>
        <Box display="flex" alignItems="center" justifyContent="space-between" flexWrap="wrap">
          <Typography variant="h5" component="h2" id="campaigns-title">
            Campaigns
          </Typography>
          {canManage && (
            <Button
              variant="outlined"
              color="primary"
              startIcon={<AddIcon />}
              onClick={() => setCreating(true)}
              disabled={!reference.value}
            >
              Start a campaign
            </Button>
          )}
        </Box>
        {body}
        {selected && (
          <CampaignDetail
            key={selected}
            id={selected}
            unitTitle={unitTitle}
            canManage={canManage}
            onClosed={campaigns.retry}
          />
        )}
      </Box>
      {creating && reference.value && (
        <CreateCampaignDialog
          platform={platform}
          versions={reference.value.versions}
          units={units}
          onClose={() => setCreating(false)}
          onCreated={campaign => {
            setCreating(false);
            campaigns.retry();
            select(campaign.id);
          }}
        />
      )}
    </Paper>
  );
};
