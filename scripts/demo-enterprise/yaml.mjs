// A small YAML emitter, because the generator must run with no dependencies.
// It covers what catalog entities and Kubernetes/Helm/Compose files need:
// block maps and sequences, literal blocks for multi-line text, and scalars
// quoted whenever a YAML 1.1 or 1.2 reader could take them for anything but
// a string (true/yes/on, numbers, dates, leading indicators, ": ", " #").

const RESERVED = /^(?:~|null|true|false|yes|no|on|off|y|n)$/i;
const NUMERIC =
  /^[-+]?(?:[\d_]+(?:\.[\d_]*)?|\.\d+)(?:e[-+]?\d+)?$|^[-+]?\.(?:inf|nan)$|^0x[\da-f_]+$|^0o[0-7_]+$|^0b[01_]+$/i;
const SAFE = /^[A-Za-z0-9_./$][A-Za-z0-9_./$@+%=,()'<>:#&*!?\[\]{} -]*$/;
const FLOW = /[\[\]{}]/;

function isPlain(text) {
  if (text === '' || RESERVED.test(text) || NUMERIC.test(text)) return false;
  if (!SAFE.test(text) || /\s$/.test(text)) return false;
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) {
    return false;
  }
  // Brackets and *, &, !, ? are legal mid-scalar but confuse human readers.
  if (FLOW.test(text) || /[*&!?]/.test(text)) return false;
  // A leading digit is only safe with a letter in it and no exponent/colon
  // (1e3 is a float, 12:30 a YAML 1.1 sexagesimal).
  if (/^\d/.test(text)) {
    if (!/[A-Za-z]/.test(text) || /^[\d.]+e[-+]?\d+$/i.test(text)) return false;
    if (text.includes(':')) return false;
  }
  return true;
}

function scalar(value) {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') {
    return isPlain(value) ? value : JSON.stringify(value);
  }
  throw new Error(`cannot emit ${typeof value} as a YAML scalar`);
}

const isMultiline = value => typeof value === 'string' && value.includes('\n');
const isMap = value =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function literalBlock(text, indent) {
  let chomp = '';
  if (!text.endsWith('\n')) chomp = '-';
  else if (text.endsWith('\n\n')) chomp = '+';
  const body = chomp === '' ? text.slice(0, -1) : text.replace(/\n+$/, '');
  const lines = body.split('\n');
  const indicator = /^\s/.test(lines[0]) ? '2' : '';
  const pad = ' '.repeat(indent);
  const out = lines.map(line => (line === '' ? '' : pad + line));
  if (chomp === '+') {
    const extra = text.length - text.replace(/\n+$/, '').length - 1;
    for (let i = 0; i < extra; i++) out.push('');
  }
  return { header: `|${indicator}${chomp}`, lines: out };
}

function emitValue(prefix, value, indent) {
  if (isMultiline(value)) {
    const block = literalBlock(value, indent + 2);
    return [`${prefix} ${block.header}`, ...block.lines];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${prefix} []`];
    return [prefix, ...emitSequence(value, indent + 2)];
  }
  if (isMap(value)) {
    if (Object.keys(value).length === 0) return [`${prefix} {}`];
    return [prefix, ...emitMap(value, indent + 2)];
  }
  return [`${prefix} ${scalar(value)}`];
}

function emitMap(map, indent) {
  const pad = ' '.repeat(indent);
  const lines = [];
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    lines.push(...emitValue(`${pad}${scalar(key)}:`, value, indent));
  }
  return lines;
}

function emitSequence(items, indent) {
  const pad = ' '.repeat(indent);
  const lines = [];
  for (const item of items) {
    if (isMap(item) && Object.keys(item).length > 0) {
      const inner = emitMap(item, indent + 2);
      inner[0] = `${pad}- ${inner[0].slice(indent + 2)}`;
      lines.push(...inner);
    } else if (Array.isArray(item) && item.length > 0) {
      lines.push(`${pad}-`, ...emitSequence(item, indent + 2));
    } else if (isMultiline(item)) {
      const block = literalBlock(item, indent + 2);
      lines.push(`${pad}- ${block.header}`, ...block.lines);
    } else if (isMap(item)) {
      lines.push(`${pad}- {}`);
    } else if (Array.isArray(item)) {
      lines.push(`${pad}- []`);
    } else {
      lines.push(`${pad}- ${scalar(item)}`);
    }
  }
  return lines;
}

/** One YAML document. `comment` becomes a leading # block, for context. */
export function toYaml(value, { comment } = {}) {
  const head = comment
    ? comment
        .trim()
        .split('\n')
        .map(line => (line ? `# ${line}` : '#'))
    : [];
  const body = isMap(value) ? emitMap(value, 0) : emitSequence(value, 0);
  return [...head, ...body].join('\n') + '\n';
}

/** Several documents in one file, the way Backstage and kubectl read them. */
export function toYamlDocuments(values, { comment } = {}) {
  return values
    .map((value, i) => toYaml(value, i === 0 ? { comment } : {}))
    .join('---\n');
}
