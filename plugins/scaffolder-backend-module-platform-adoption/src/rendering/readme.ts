import {
  describeRequirement,
  FacetRequirement,
  FacetScalar,
  ReferenceArchitectureContent,
} from '@platform-adoption/plugin-platform-adoption-common';
import {
  PlatformRenderer,
  RenderedFile,
  RenderForm,
  RenderRequest,
} from './types';

/**
 * README.md: what was rendered from which reference, every facet value the
 * files state and the requirement it meets, and the practices to follow.
 */
export function renderReadme(options: {
  request: RenderRequest;
  renderer: PlatformRenderer;
  form: RenderForm;
  reference: ReferenceArchitectureContent;
  referenceTag: string;
  variant: string;
  values: Record<string, FacetScalar>;
  requirements: Record<string, FacetRequirement>;
  files: RenderedFile[];
}): string {
  const {
    request,
    renderer,
    form,
    reference,
    referenceTag,
    variant,
    values,
    requirements,
    files,
  } = options;
  const titleOf = (id: string) =>
    renderer.platform.facets.find(f => f.id === id)?.title ?? id;
  const rows = Object.entries(values).map(
    ([id, value]) =>
      `| ${titleOf(id)} | \`${String(value)}\` | ${
        requirements[id] ? describeRequirement(requirements[id]) : 'open'
      } |`,
  );
  const practices = reference.practices.map(
    p =>
      `- **${p.title}** (${p.kind})${p.url ? `: ${p.url}` : ''}${
        p.description ? ` — ${p.description}` : ''
      }`,
  );
  return [
    `# ${request.name}`,
    '',
    `${renderer.platform.title} for \`${request.name}\` (${request.environment}), created from the`,
    `golden path of **${reference.title}** (\`${referenceTag}\`${
      variant === 'base' ? '' : `, variant \`${variant}\``
    }),`,
    `as ${form.title}.`,
    '',
    reference.rationale,
    '',
    '## What the reference requires, and what is written',
    '',
    '| facet | value | requirement |',
    '| --- | --- | --- |',
    ...rows,
    '',
    'Every value is written out in the files below, so a Platform Adoption scan can',
    'verify that this deployment conforms. Change them and the scan will show the drift.',
    '',
    '## Files',
    '',
    ...files.map(f => `- \`${f.path}\``),
    '- `catalog-info.yaml`: the component and the resource it depends on',
    '',
    ...(practices.length ? ['## Practices', '', ...practices, ''] : []),
  ].join('\n');
}
