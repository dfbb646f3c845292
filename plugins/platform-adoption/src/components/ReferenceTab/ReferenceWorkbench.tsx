import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/DeleteOutline';
import Alert from '@material-ui/lab/Alert';
import {
  describeRequirement,
  FacetBarCount,
  FacetDefinition,
  PracticeKind,
  ReferenceProposal,
  versionLine,
} from '@platform-adoption/plugin-platform-adoption-common';
import { useMemo, useState } from 'react';
import { platformAdoptionApiRef, ReferenceOverview } from '../../api';
import { deploymentsLink } from '../DeploymentsTab/deploymentFilters';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { errorMessage } from '../shared/ErrorNotice';
import { formatDateTime, formatNumber, humanize, pluralize } from '../shared/format';
import { FacetTitles } from '../shared/reasons';
import { FacetRowsEditor } from './FacetRowsEditor';
import { PreviewPanel, useReferencePreview } from './PreviewPanel';
import {
  contentOf,
  EditorState,
  editorStateOf,
  facetRow,
  FacetRow,
  meetingFilters,
  newKey,
  requirableFacets,
  requirementKind,
  requirementText,
} from './referenceEditing';

const useStyles = makeStyles(theme => ({
  // The preview above the draft; beside it, and following the scroll, on wide screens.
  layout: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    [theme.breakpoints.up('xl')]: { flexDirection: 'row-reverse', alignItems: 'flex-start' },
  },
  side: {
    [theme.breakpoints.up('xl')]: { position: 'sticky', top: theme.spacing(2), width: 380, flexShrink: 0 },
  },
  editor: { flex: 1, minWidth: 0 },
}));

const PRACTICE_KINDS: PracticeKind[] = ['backup', 'monitoring', 'identity', 'playbook', 'other'];

type Action = 'derive' | 'save' | 'publish' | 'discard' | 'retire';

/** The facet rows with one upgrade applied, or the proposal's own requirement restored. */
export function applyUpgrades(
  rows: FacetRow[],
  proposal: ReferenceProposal,
  accepted: Set<number>,
  facet: string,
): FacetRow[] {
  const upgrade = [...accepted]
    .map(i => proposal.upgrades[i])
    .reverse()
    .find(u => u.facet === facet);
  const original = proposal.content.facets[facet];
  const replacement = upgrade
    ? { requirement: upgrade.requirement, rationale: upgrade.note }
    : original && { requirement: original.requirement, rationale: original.rationale ?? '' };
  const existing = rows.find(r => r.facet === facet);
  if (!replacement) return rows.filter(r => r.facet !== facet);
  const patch = {
    kind: requirementKind(replacement.requirement),
    text: requirementText(replacement.requirement),
    rationale: replacement.rationale,
  };
  if (existing) return rows.map(r => (r.facet === facet ? { ...r, ...patch } : r));
  return [...rows, facetRow(facet, replacement.requirement, replacement.rationale)];
}

/** Filters for the deployments that already run an upgrade's value. */
function upgradeLink(basePath: string, facet: FacetDefinition | undefined, value: string) {
  const shown = facet?.kind === 'version' ? versionLine(value) ?? value : value;
  return deploymentsLink(basePath, { kind: 'server', facets: [{ facet: facet?.id ?? '', value: shown }] });
}

/**
 * The CoE's workbench: derive a reference from the fleet (each requirement
 * with the evidence behind it, the positive deviants' better values as
 * opt-in upgrades), edit facets, variants and practices, watch the live
 * preview, save the draft, publish it, discard it, or retire the standard.
 */
export const ReferenceWorkbench = (props: {
  platform: { id: string; title: string; facets: FacetDefinition[] };
  overview: ReferenceOverview;
  distributions: Record<string, FacetBarCount[]>;
  basePath: string;
  titles: FacetTitles;
  onChanged: () => void;
}) => {
  const { platform, overview, distributions, basePath, titles, onChanged } = props;
  const api = useApi(platformAdoptionApiRef);
  const classes = useStyles();
  const facets = useMemo(() => requirableFacets(platform.facets), [platform.facets]);
  const [editor, setEditor] = useState<EditorState | undefined>(() =>
    overview.draft ? editorStateOf(overview.draft) : undefined,
  );
  const [proposal, setProposal] = useState<ReferenceProposal>();
  const [accepted, setAccepted] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState<Action>();
  const [confirm, setConfirm] = useState<'publish' | 'discard' | 'retire'>();
  const [notice, setNotice] = useState<{ severity: 'success' | 'error' | 'info'; text: string }>();
  const [savedAt, setSavedAt] = useState<string | undefined>(overview.draft?.updatedAt);

  const { content, errors } = useMemo(
    () => (editor ? contentOf(editor, facets) : { content: undefined, errors: {} }),
    [editor, facets],
  );
  const preview = useReferencePreview(platform.id, content);
  const nextVersion = (overview.versions[0]?.version ?? 0) + 1;

  const run = async (action: Action, work: () => Promise<string | undefined>) => {
    setBusy(action);
    setNotice(undefined);
    try {
      const text = await work();
      if (text) setNotice({ severity: 'success', text });
    } catch (error) {
      setNotice({ severity: 'error', text: errorMessage(error as Error) });
    } finally {
      setBusy(undefined);
      setConfirm(undefined);
    }
  };

  const derive = () =>
    run('derive', async () => {
      const derived = await api.deriveReference(platform.id);
      setProposal(derived);
      setAccepted(new Set());
      setEditor(editorStateOf(derived.content));
      return `Derived ${pluralize(Object.keys(derived.content.facets).length, 'requirement')} from the fleet. Review them, then save or publish.`;
    });

  const save = () =>
    run('save', async () => {
      const draft = await api.saveReferenceDraft(platform.id, content!);
      setSavedAt(draft.updatedAt);
      return `Draft saved ${formatDateTime(draft.updatedAt)}.`;
    });

  const publish = () =>
    run('publish', async () => {
      await api.saveReferenceDraft(platform.id, content!);
      const published = await api.publishReference(platform.id);
      setEditor(undefined);
      setProposal(undefined);
      setSavedAt(undefined);
      onChanged();
      return `Version ${published.version} is published and in force.`;
    });

  const discard = () =>
    run('discard', async () => {
      if (overview.draft || savedAt) await api.discardReferenceDraft(platform.id);
      setEditor(undefined);
      setProposal(undefined);
      setSavedAt(undefined);
      onChanged();
      return 'Draft discarded.';
    });

  const retire = () =>
    run('retire', async () => {
      const retired = await api.retireReference(platform.id);
      onChanged();
      return `Version ${retired.version} is retired; ${platform.title} has no standard in force now.`;
    });

  const toggleUpgrade = (index: number, on: boolean) => {
    if (!proposal || !editor) return;
    const next = new Set(accepted);
    if (on) next.add(index);
    else next.delete(index);
    setAccepted(next);
    setEditor({
      ...editor,
      facets: applyUpgrades(editor.facets, proposal, next, proposal.upgrades[index].facet),
    });
  };

  const evidenceFor = (row: FacetRow) => {
    const evidence = proposal?.evidence.find(e => e.facet === row.facet);
    const requirement = proposal?.content.facets[row.facet]?.requirement;
    if (!evidence || !requirement) return <Typography variant="caption" color="textSecondary">—</Typography>;
    const filters = meetingFilters(row.facet, requirement, distributions[row.facet]);
    const count = evidence.deploymentIds.length;
    const meet = `${pluralize(count, 'deployment')} ${count === 1 ? 'meets' : 'meet'} it`;
    return (
      <Typography variant="body2" component="div">
        <strong>
          {formatNumber(evidence.support.count)} of {formatNumber(evidence.support.of)}
        </strong>{' '}
        {evidence.source === 'standard' ? 'run the consensus, which is below the standard' : 'peers agree'}
        <br />
        {filters.length > 0 ? (
          <Link
            to={deploymentsLink(basePath, { kind: 'server', facets: filters })}
            aria-label={`${meet}: ${titles(row.facet)} ${evidence.requirement}`}
          >
            {meet}
          </Link>
        ) : (
          meet
        )}
      </Typography>
    );
  };

  const set = (patch: Partial<EditorState>) => editor && setEditor({ ...editor, ...patch });
  const busyAny = busy !== undefined;
  const draftExists = Boolean(overview.draft || savedAt || editor);

  return (
    <Paper variant="outlined" component="section" aria-labelledby="reference-workbench-title">
      <Box p={2}>
        <Typography variant="h5" component="h2" id="reference-workbench-title">
          Workbench
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          For the center of excellence: derive a reference from what the fleet already runs, adjust it, and
          publish it as version {nextVersion}. Teams see only published versions.
        </Typography>
        <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={2}>
          <Button variant="contained" color="primary" onClick={derive} disabled={busyAny}>
            Derive from fleet
          </Button>
          {overview.standard && !editor && (
            <Button
              variant="outlined"
              onClick={() => {
                setProposal(undefined);
                setEditor(editorStateOf(overview.standard!));
              }}
              disabled={busyAny}
            >
              Edit a copy of version {overview.standard.version}
            </Button>
          )}
          {overview.standard && (
            <Button variant="outlined" onClick={() => setConfirm('retire')} disabled={busyAny}>
              Retire version {overview.standard.version}
            </Button>
          )}
        </Box>
        {notice && (
          <Box mb={2}>
            <Alert severity={notice.severity} onClose={() => setNotice(undefined)}>
              {notice.text}
            </Alert>
          </Box>
        )}
        {!editor && (
          <Typography variant="body2" color="textSecondary">
            No draft is open. Start one by deriving it from the fleet
            {overview.standard ? ', or by editing a copy of the standard' : ''}.
          </Typography>
        )}
        {editor && (
          <div className={classes.layout}>
            <div className={classes.side}>
              <PreviewPanel preview={preview} invalid={!content} titles={titles} />
              <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mt={2}>
                <Button variant="outlined" color="primary" onClick={save} disabled={!content || busyAny}>
                  Save draft
                </Button>
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => setConfirm('publish')}
                  disabled={!content || busyAny}
                >
                  Publish as version {nextVersion}
                </Button>
                <Button onClick={() => setConfirm('discard')} disabled={!draftExists || busyAny}>
                  Discard draft
                </Button>
              </Box>
            </div>
            <div className={classes.editor}>
              <Typography variant="h6" component="h3">
                Draft{savedAt ? ` (saved ${formatDateTime(savedAt)})` : ' (not saved)'}
              </Typography>
              <Box display="grid" style={{ gap: 12 }} mb={2}>
                <TextField
                  id="reference-draft-title"
                  label="Title"
                  value={editor.title}
                  error={Boolean(errors.title)}
                  helperText={errors.title}
                  onChange={e => set({ title: e.target.value })}
                />
                <TextField
                  id="reference-draft-owner"
                  label="Owner"
                  value={editor.ownerRef}
                  error={Boolean(errors.ownerRef)}
                  helperText={errors.ownerRef ?? 'The CoE group that owns the standard'}
                  onChange={e => set({ ownerRef: e.target.value })}
                />
                <TextField
                  id="reference-draft-rationale"
                  label="Rationale"
                  multiline
                  value={editor.rationale}
                  onChange={e => set({ rationale: e.target.value })}
                />
              </Box>
              <Typography variant="subtitle1" component="h4">
                Facet requirements
              </Typography>
              <FacetRowsEditor
                rows={editor.facets}
                onChange={rows => set({ facets: rows })}
                facets={facets}
                errors={errors}
                withRationale
                evidence={proposal ? evidenceFor : undefined}
              />
              {proposal && proposal.upgrades.length > 0 && (
                <Box mt={2} component="section" aria-label="Proposed upgrades">
                  <Typography variant="subtitle1" component="h4">
                    Upgrades positive deviants already run (opt in)
                  </Typography>
                  {proposal.upgrades.map((upgrade, index) => {
                    const definition = platform.facets.find(f => f.id === upgrade.facet);
                    return (
                      <Box key={`${upgrade.facet}-${String(upgrade.value)}`}>
                        <FormControlLabel
                          control={
                            <Checkbox
                              checked={accepted.has(index)}
                              onChange={e => toggleUpgrade(index, e.target.checked)}
                            />
                          }
                          label={`Require ${titles(upgrade.facet)} ${describeRequirement(upgrade.requirement)}`}
                        />
                        <Typography variant="body2" color="textSecondary" style={{ marginLeft: 32 }}>
                          {upgrade.note}{' '}
                          <Link to={upgradeLink(basePath, definition, String(upgrade.value))}>
                            {pluralize(upgrade.deploymentIds.length, 'deployment')} already{' '}
                            {upgrade.deploymentIds.length === 1 ? 'runs' : 'run'} it
                          </Link>
                        </Typography>
                      </Box>
                    );
                  })}
                </Box>
              )}
              <Box mt={3}>
                <Typography variant="subtitle1" component="h4">
                  Approved variants
                </Typography>
                {editor.variants.map(variant => (
                  <Paper key={variant.key} variant="outlined" style={{ padding: 12, marginTop: 8 }}>
                    <Box display="flex" flexWrap="wrap" style={{ gap: 12 }} alignItems="flex-start">
                      <TextField
                        id={`variant-${variant.key}-id`}
                        label="Variant id"
                        value={variant.id}
                        error={Boolean(errors[`variant:${variant.key}:id`])}
                        helperText={errors[`variant:${variant.key}:id`]}
                        onChange={e =>
                          set({
                            variants: editor.variants.map(v =>
                              v.key === variant.key ? { ...v, id: e.target.value } : v,
                            ),
                          })
                        }
                      />
                      <TextField
                        id={`variant-${variant.key}-title`}
                        label="Variant title"
                        value={variant.title}
                        error={Boolean(errors[`variant:${variant.key}:title`])}
                        helperText={errors[`variant:${variant.key}:title`]}
                        onChange={e =>
                          set({
                            variants: editor.variants.map(v =>
                              v.key === variant.key ? { ...v, title: e.target.value } : v,
                            ),
                          })
                        }
                      />
                      <TextField
                        id={`variant-${variant.key}-description`}
                        label="Variant description"
                        value={variant.description}
                        style={{ flexGrow: 1 }}
                        onChange={e =>
                          set({
                            variants: editor.variants.map(v =>
                              v.key === variant.key ? { ...v, description: e.target.value } : v,
                            ),
                          })
                        }
                      />
                      <IconButton
                        aria-label={`Remove variant ${variant.id || variant.title}`}
                        onClick={() => set({ variants: editor.variants.filter(v => v.key !== variant.key) })}
                      >
                        <DeleteIcon />
                      </IconButton>
                    </Box>
                    <FacetRowsEditor
                      label={`Variant ${variant.id || 'new'}`}
                      rows={variant.facets}
                      onChange={rows =>
                        set({
                          variants: editor.variants.map(v => (v.key === variant.key ? { ...v, facets: rows } : v)),
                        })
                      }
                      facets={facets}
                      errors={errors}
                    />
                  </Paper>
                ))}
                <Box mt={1}>
                  <Button
                    size="small"
                    startIcon={<AddIcon />}
                    onClick={() =>
                      set({
                        variants: [
                          ...editor.variants,
                          { key: newKey(), id: `variant-${editor.variants.length + 1}`, title: '', description: '', facets: [] },
                        ],
                      })
                    }
                  >
                    Add a variant
                  </Button>
                </Box>
              </Box>
              <Box mt={3}>
                <Typography variant="subtitle1" component="h4">
                  Practices
                </Typography>
                {editor.practices.map((practice, index) => {
                  const update = (patch: Partial<typeof practice>) =>
                    set({ practices: editor.practices.map((p, i) => (i === index ? { ...p, ...patch } : p)) });
                  return (
                    <Box key={index} display="flex" flexWrap="wrap" style={{ gap: 12 }} mt={1} alignItems="flex-start">
                      <TextField
                        select
                        SelectProps={{ native: true }}
                        label="Kind"
                        value={practice.kind}
                        inputProps={{ 'aria-label': `Practice ${index + 1} kind` }}
                        onChange={e => update({ kind: e.target.value as PracticeKind })}
                      >
                        {PRACTICE_KINDS.map(kind => (
                          <option key={kind} value={kind}>
                            {humanize(kind)}
                          </option>
                        ))}
                      </TextField>
                      <TextField
                        label="Practice title"
                        value={practice.title}
                        error={Boolean(errors[`practice:${index}:title`])}
                        helperText={errors[`practice:${index}:title`]}
                        inputProps={{ 'aria-label': `Practice ${index + 1} title` }}
                        onChange={e => update({ title: e.target.value })}
                      />
                      <TextField
                        label="Link"
                        value={practice.url ?? ''}
                        error={Boolean(errors[`practice:${index}:url`])}
                        helperText={errors[`practice:${index}:url`]}
                        inputProps={{ 'aria-label': `Practice ${index + 1} link` }}
                        onChange={e => update({ url: e.target.value })}
                      />
                      <TextField
                        label="Description"
                        value={practice.description ?? ''}
                        style={{ flexGrow: 1 }}
                        inputProps={{ 'aria-label': `Practice ${index + 1} description` }}
                        onChange={e => update({ description: e.target.value })}
                      />
                      <IconButton
                        aria-label={`Remove practice ${index + 1}`}
                        onClick={() => set({ practices: editor.practices.filter((_p, i) => i !== index) })}
                      >
                        <DeleteIcon />
                      </IconButton>
                    </Box>
                  );
                })}
                <Box mt={1}>
                  <Button
                    size="small"
                    startIcon={<AddIcon />}
                    onClick={() =>
                      set({ practices: [...editor.practices, { kind: 'backup', title: '' }] })
                    }
                  >
                    Add a practice
                  </Button>
                </Box>
              </Box>
            </div>
          </div>
        )}
      </Box>
      <ConfirmDialog
        open={confirm === 'publish'}
        title={`Publish version ${nextVersion}?`}
        confirmLabel="Publish"
        busy={busy === 'publish'}
        onConfirm={publish}
        onCancel={() => setConfirm(undefined)}
      >
        <Typography variant="body2" paragraph>
          Version {nextVersion} becomes the {platform.title} standard: every deployment is measured against it
          from now on, and the golden-path template follows it. Published versions cannot be changed.
        </Typography>
        {preview.value && preview.value.production > 0 && (
          <Typography variant="body2">
            {formatNumber(preview.value.conforming)} of {pluralize(preview.value.production, 'production deployment')}{' '}
            conform to it today.
          </Typography>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'discard'}
        title="Discard the draft?"
        confirmLabel="Discard"
        danger
        busy={busy === 'discard'}
        onConfirm={discard}
        onCancel={() => setConfirm(undefined)}
      >
        <Typography variant="body2">The draft and its edits are deleted; published versions stay.</Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'retire'}
        title={`Retire version ${overview.standard?.version}?`}
        confirmLabel="Retire"
        danger
        busy={busy === 'retire'}
        onConfirm={retire}
        onCancel={() => setConfirm(undefined)}
      >
        <Typography variant="body2">
          {platform.title} will have no standard in force: conformance is no longer measured until a new version is
          published. The version stays in the history.
        </Typography>
      </ConfirmDialog>
    </Paper>
  );
};
