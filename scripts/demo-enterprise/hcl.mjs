// Terraform files are built from a small tree (blocks, attributes, blank
// lines) rather than string templates, so nesting is always indented and the
// "=" signs are aligned the way `terraform fmt` leaves committed files.

/** An attribute; `expr` is raw HCL (use str() for string literals). */
export const attr = (name, expr) => ({ kind: 'attr', name, expr });
/** A nested block, e.g. block('resource', ['aws_db_instance', 'main'], [...]). */
export const block = (type, labels, body) => ({
  kind: 'block',
  type,
  labels,
  body: body.filter(Boolean),
});
export const blank = { kind: 'blank' };
export const comment = text => ({ kind: 'comment', text });

/** An HCL string literal. */
export const str = value => JSON.stringify(String(value));
/** A one-line list of string literals. */
export const strList = values => `[${values.map(str).join(', ')}]`;
/** A multi-line object expression, aligned like terraform fmt does. */
export const map = entries => ({
  kind: 'map',
  entries: Object.entries(entries),
});

const pad = n => '  '.repeat(n);

function renderMap(value, depth) {
  const width = Math.max(...value.entries.map(([k]) => k.length));
  const rows = value.entries.map(
    ([k, v]) => `${pad(depth + 1)}${k.padEnd(width)} = ${v}`,
  );
  return ['{', ...rows, `${pad(depth)}}`];
}

function renderBody(items, depth) {
  const lines = [];
  let run = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(a => a.name.length));
    for (const a of run) {
      if (typeof a.expr === 'object') {
        const [first, ...rest] = renderMap(a.expr, depth);
        lines.push(`${pad(depth)}${a.name.padEnd(width)} = ${first}`, ...rest);
      } else {
        const [first, ...rest] = String(a.expr).split('\n');
        lines.push(
          `${pad(depth)}${a.name.padEnd(width)} = ${first}`,
          ...rest.map(l => (l ? pad(depth) + l : l)),
        );
      }
    }
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'attr') {
      run.push(item);
      // A multi-line value closes the alignment group, as in terraform fmt.
      if (typeof item.expr === 'object' || String(item.expr).includes('\n'))
        flush();
      continue;
    }
    flush();
    if (item.kind === 'blank') lines.push('');
    else if (item.kind === 'comment')
      lines.push(...item.text.split('\n').map(l => `${pad(depth)}# ${l}`));
    else lines.push(...renderBlock(item, depth));
  }
  flush();
  return lines;
}

function renderBlock(b, depth) {
  const head = [b.type, ...b.labels.map(l => str(l))].join(' ');
  if (b.body.length === 0) return [`${pad(depth)}${head} {}`];
  return [
    `${pad(depth)}${head} {`,
    ...renderBody(b.body, depth + 1),
    `${pad(depth)}}`,
  ];
}

/** A .tf file: top-level items separated by one blank line. */
export function tfFile(...items) {
  const parts = items
    .filter(Boolean)
    .map(item => renderBody([item], 0).join('\n'));
  return parts.join('\n\n') + '\n';
}
