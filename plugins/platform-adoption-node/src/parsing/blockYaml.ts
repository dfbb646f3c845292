import { ConfigList, ConfigMap, ConfigScalarValue, ConfigValue } from './configValue';
import { ParseLimits } from './limits';
import type { ConfigDocument } from './yaml';

/** Thrown inside the walk: the file uses YAML this reader leaves to the full parser. */
class NotPlain extends Error {}

const notPlain = (): never => {
  throw new NotPlain();
};

/** One line with content: its 1-based number, indentation and text (comments still in). */
interface Line {
  number: number;
  indent: number;
  text: string;
}

// Characters that, starting a value, mean syntax this reader does not take:
// flow collections, anchors, aliases, tags, block scalars, directives,
// reserved indicators. `[]` and `{}` alone are the exception (below).
const INDICATOR = /^[[\]{}&*!|>%@`,?]/;
const SEQUENCE_ITEM = /^-(?: |$)/;
const DOCUMENT_START = /^---(?:\s*(?:#.*)?)?$/;

// YAML 1.2 core schema, as the full parser resolves plain scalars.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const DECIMAL = /^[-+]?[0-9]+$/;
const OCTAL = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

function plainValue(text: string): ConfigScalarValue {
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (DECIMAL.test(text)) return Number(text);
  if (OCTAL.test(text)) return parseInt(text.slice(2), 8);
  if (HEX.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT.test(text)) return Number(text);
  if (INFINITY.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(text)) return NaN;
  return text;
}

const ESCAPES: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '0': '\0',
  ' ': ' ',
};

/** A quoted scalar closed on its line: its value and what follows it. */
function quoted(text: string): { value: string; rest: string } {
  const quote = text[0];
  let value = '';
  let i = 1;
  for (;;) {
    if (i >= text.length) return notPlain();
    const c = text[i];
    if (quote === "'") {
      if (c === "'") {
        if (text[i + 1] === "'") {
          value += "'";
          i += 2;
          continue;
        }
        break;
      }
      value += c;
      i += 1;
      continue;
    }
    if (c === '"') break;
    if (c !== '\\') {
      value += c;
      i += 1;
      continue;
    }
    const e = text[i + 1];
    if (e === 'u' || e === 'x') {
      const size = e === 'u' ? 4 : 2;
      const hex = text.slice(i + 2, i + 2 + size);
      if (hex.length !== size || !/^[0-9a-fA-F]+$/.test(hex)) return notPlain();
      value += String.fromCharCode(parseInt(hex, 16));
      i += 2 + size;
      continue;
    }
    const escaped = e === undefined ? undefined : ESCAPES[e];
    if (escaped === undefined) return notPlain();
    value += escaped;
    i += 2;
  }
  return { value, rest: text.slice(i + 1) };
}

/** The text of a line up to a comment (` #`), trimmed. */
function withoutComment(text: string) {
  const at = text.search(/\s#/);
  return (at < 0 ? text : text.slice(0, at)).trimEnd();
}

/** Where a `key:` ends in a line, or -1 when the line is no mapping entry. */
function keyEnd(text: string): number {
  if (text[0] === '"' || text[0] === "'") {
    const { rest } = quoted(text);
    const at = text.length - rest.length;
    const after = rest.trimStart();
    if (!after.startsWith(':')) return -1;
    const colon = at + (rest.length - after.length);
    return after.length === 1 || after[1] === ' ' ? colon : -1;
  }
  const content = withoutComment(text);
  const at = content.indexOf(': ');
  if (at >= 0) return at;
  return content.endsWith(':') ? content.length - 1 : -1;
}

/** The content lines of each document; a file with an empty document is left to the full parser. */
function documentsOf(raw: string[]): Line[][] {
  const documents: Line[][] = [];
  let current: Line[] = [];
  let started = false;
  raw.forEach((line, i) => {
    if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) {
      if (!DOCUMENT_START.test(line)) notPlain();
      if (current.length || started) documents.push(current);
      current = [];
      started = true;
      return;
    }
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    current.push({ number: i + 1, indent: line.length - trimmed.length, text: trimmed.trimEnd() });
  });
  // A separator with nothing after it still opens a (null) document.
  if (current.length || started) documents.push(current);
  if (documents.length === 0 || documents.some(lines => lines.length === 0)) notPlain();
  return documents;
}

class BlockReader {
  private at = 0;
  private nodes = 0;

  constructor(
    private readonly lines: Line[],
    /** Every line of the file, as written: block scalars are read from them. */
    private readonly raw: string[],
    private readonly limits: ParseLimits,
  ) {}

  document(): ConfigValue {
    const first = this.lines[0];
    if (!SEQUENCE_ITEM.test(first.text) && keyEnd(first.text) < 0) notPlain();
    const root = this.block(first.indent, undefined, 0);
    if (this.at < this.lines.length) notPlain();
    return root;
  }

  private count(depth: number) {
    // Over a limit, the full parser reports it properly.
    if (++this.nodes > this.limits.maxNodes || depth > this.limits.maxDepth) notPlain();
  }

  /** The mapping or sequence starting at the current line, at `indent`. */
  private block(indent: number, keyLine: number | undefined, depth: number): ConfigMap | ConfigList {
    const line = this.lines[this.at];
    return SEQUENCE_ITEM.test(line.text) ? this.sequence(indent, keyLine, depth) : this.mapping(indent, keyLine, depth);
  }

  private mapping(indent: number, keyLine: number | undefined, depth: number): ConfigMap {
    this.count(depth);
    const map: ConfigMap = { kind: 'map', entries: new Map(), line: keyLine ?? this.lines[this.at].number };
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      if (line.indent < indent) break;
      if (line.indent > indent) notPlain();
      const end = keyEnd(line.text);
      if (end < 0) notPlain();
      const key = this.key(line.text.slice(0, end));
      map.entries.set(key, this.value(line, line.text.slice(end + 1), indent, true, depth + 1));
    }
    return map;
  }

  private sequence(indent: number, keyLine: number | undefined, depth: number): ConfigList {
    this.count(depth);
    const list: ConfigList = { kind: 'list', items: [], line: keyLine ?? this.lines[this.at].number };
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      // A key at this indentation: the sequence was a mapping's value.
      if (line.indent < indent || (line.indent === indent && !SEQUENCE_ITEM.test(line.text))) break;
      if (line.indent > indent) notPlain();
      const rest = line.text.slice(1);
      const content = rest.trimStart();
      if (content !== '' && !content.startsWith('#') && (SEQUENCE_ITEM.test(content) || keyEnd(content) >= 0)) {
        // `- key: value` or `- - item`: a block that starts on the item's line.
        this.lines[this.at] = { number: line.number, indent: indent + 1 + (rest.length - content.length), text: content };
        list.items.push(this.block(this.lines[this.at].indent, undefined, depth + 1));
        continue;
      }
      list.items.push(this.value(line, rest, indent, false, depth + 1));
    }
    return list;
  }

  /**
   * The value after `key:` or `-` on `line`: inline, a block on the lines
   * below, or null. A mapping's value keeps the key's line.
   */
  private value(line: Line, rest: string, indent: number, inMapping: boolean, depth: number): ConfigValue {
    this.at += 1;
    const text = rest.trimStart();
    if (text !== '' && !/^\s/.test(rest)) notPlain();
    if (text === '' || text.startsWith('#')) {
      const next = this.lines[this.at];
      // A sequence may sit at its key's indentation.
      if (next && (next.indent > indent || (inMapping && next.indent === indent && SEQUENCE_ITEM.test(next.text)))) {
        return this.block(next.indent, inMapping ? line.number : undefined, depth);
      }
      this.count(depth);
      return { kind: 'scalar', value: null, line: line.number };
    }
    this.count(depth);
    const value = withoutComment(text);
    if (value === '|' || value === '|-' || value === '|+') {
      return { kind: 'scalar', value: this.literal(line.number, indent, value[1]), line: line.number };
    }
    // Whatever follows on more indented lines would continue this scalar.
    const next = this.lines[this.at];
    if (next && next.indent > indent) notPlain();
    if (value === '[]') return { kind: 'list', items: [], line: line.number };
    if (value === '{}') return { kind: 'map', entries: new Map(), line: line.number };
    return { kind: 'scalar', value: this.inline(text), line: line.number };
  }

  /**
   * A literal block scalar (`|`, `|-`, `|+`) whose header is on line
   * `header` (1-based), under something at `indent`: its lines as written,
   * less their common indentation, chomped as the header says. Anything
   * subtle (an indentation indicator, whitespace-only lines longer than the
   * indentation, a last line without a line break) is left to the full
   * parser.
   */
  private literal(header: number, indent: number, chomping: string | undefined): string {
    const lines: string[] = [];
    let contentIndent = -1;
    let end = header;
    // After a final line break, split() leaves an empty string that is no line.
    const lineCount = this.raw[this.raw.length - 1] === '' ? this.raw.length - 1 : this.raw.length;
    for (; end < lineCount; end++) {
      const line = this.raw[end];
      const trimmed = line.trimStart();
      const spaces = line.length - trimmed.length;
      if (trimmed !== '') {
        if (contentIndent < 0) {
          if (spaces <= indent) break;
          contentIndent = spaces;
        }
        if (spaces < contentIndent) {
          if (spaces > indent) notPlain();
          break;
        }
      }
      lines.push(line);
    }
    if (contentIndent < 0 || (end === this.raw.length && this.raw[end - 1] !== '')) notPlain();
    while (this.at < this.lines.length && this.lines[this.at].number <= end) this.at += 1;
    const body = lines.map(line => {
      if (line.trim() !== '') return line.slice(contentIndent);
      if (line.length > contentIndent) notPlain();
      return '';
    });
    let last = body.length;
    while (last > 0 && body[last - 1] === '') last -= 1;
    const text = body.slice(0, last).join('\n');
    if (chomping === '-') return text;
    if (chomping === '+') return `${text}\n${'\n'.repeat(body.length - last)}`;
    return `${text}\n`;
  }

  /** A one-line scalar. */
  private inline(text: string): ConfigScalarValue {
    if (text[0] === '"' || text[0] === "'") {
      const { value, rest } = quoted(text);
      if (rest.trim() !== '' && !(/^\s+#/.test(rest))) notPlain();
      return value;
    }
    if (INDICATOR.test(text) || SEQUENCE_ITEM.test(text) || text.startsWith(':')) notPlain();
    const value = withoutComment(text);
    // `a: b: c` is an error to the full parser, not a string.
    if (value.includes(': ') || value.endsWith(':')) notPlain();
    return plainValue(value);
  }

  /** A key as the full parser's keys read: typed, then as text. */
  private key(raw: string): string {
    const text = raw.trimEnd();
    if (text[0] === '"' || text[0] === "'") return quoted(text).value;
    if (text === '' || text === '<<' || INDICATOR.test(text) || text.startsWith('-') || text.includes(' #')) notPlain();
    const value = plainValue(text);
    return value === null ? '' : String(value);
  }
}

/**
 * A reader for the block YAML that nearly every configuration file is
 * (Helm values, Compose files, Kubernetes manifests): indented mappings and
 * sequences of plain or quoted one-line scalars, with comments and several
 * documents. It builds the same values, with the same lines, as the full
 * parser, several times faster; a file using anything else (flow
 * collections, anchors, tags, block or multi-line scalars, tabs, odd
 * indentation) returns `undefined`, and the full parser reads it.
 */
export function parseBlockYaml(path: string, text: string, limits: ParseLimits): ConfigDocument[] | undefined {
  if (text.includes('\t') || text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  try {
    const raw = text.split(/\r?\n/);
    return documentsOf(raw).map((lines, index) => ({ path, index, root: new BlockReader(lines, raw, limits).document() }));
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}
