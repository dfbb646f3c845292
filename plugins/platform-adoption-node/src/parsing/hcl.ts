import fs from 'fs';
import path from 'path';
import { Language, Node as SyntaxNode, Parser } from 'web-tree-sitter';
import { ConfigExpression, ConfigMap, ConfigValue } from './configValue';
import { ParseIssue } from './yaml';

/**
 * A block of an HCL file: `resource "aws_db_instance" "main" { … }`.
 *
 * @public
 */
export interface HclBlock {
  /** `resource`, `variable`, `locals`, or a nested block's name. */
  type: string;
  labels: string[];
  attributes: Map<string, ConfigValue>;
  blocks: HclBlock[];
  /** 1-based line of the block's first line. */
  line: number;
}

/** @public */
export interface HclFile {
  path: string;
  blocks: HclBlock[];
  /** Top-level attributes (what a `.tfvars` file holds). */
  attributes: Map<string, ConfigValue>;
  issues: ParseIssue[];
}

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the HCL grammar (tree-sitter compiled to WebAssembly). Call once at
 * start-up; parsing is synchronous afterwards, so detectors stay simple.
 *
 * @public
 */
export function loadHclParser(): Promise<void> {
  if (!loading) {
    loading = (async () => {
      await Parser.init();
      const grammarDir = path.dirname(
        require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json'),
      );
      // Bytes rather than a path: given a path, web-tree-sitter reads the
      // file through a dynamic import() that Jest's CommonJS runtime refuses.
      const wasm = fs.readFileSync(
        path.join(grammarDir, 'tree-sitter-hcl.wasm'),
      );
      const language = await Language.load(wasm);
      const instance = new Parser();
      instance.setLanguage(language);
      parser = instance;
    })().catch(error => {
      loading = undefined;
      throw error;
    });
  }
  return loading;
}

/** @public */
export function isHclParserLoaded(): boolean {
  return parser !== undefined;
}

/**
 * Parses an HCL file (Terraform `.tf`, `.tfvars`) into blocks and
 * attributes. Syntax errors are reported with their line and the rest of
 * the file is still read, as tree-sitter recovers around them.
 *
 * @public
 */
export function parseHcl(filePath: string, text: string): HclFile {
  if (!parser) {
    throw new Error(
      `Cannot parse ${filePath}: the HCL parser is not loaded; call "await loadHclParser()" once at start-up`,
    );
  }
  const tree = parser.parse(text);
  if (!tree) {
    return {
      path: filePath,
      blocks: [],
      attributes: new Map(),
      issues: [
        { path: filePath, message: `${filePath} could not be parsed as HCL` },
      ],
    };
  }
  try {
    const issues: ParseIssue[] = [];
    collectSyntaxErrors(filePath, tree.rootNode, issues);
    const body = tree.rootNode.namedChildren.find(
      child => child?.type === 'body',
    );
    const { attributes, blocks } = body
      ? readBody(body)
      : { attributes: new Map(), blocks: [] };
    return { path: filePath, blocks, attributes, issues };
  } finally {
    // The tree lives in WebAssembly memory, outside the garbage collector.
    tree.delete();
  }
}

function collectSyntaxErrors(
  filePath: string,
  root: SyntaxNode,
  issues: ParseIssue[],
) {
  if (!root.hasError) return;
  const pending: SyntaxNode[] = [root];
  while (pending.length > 0 && issues.length < 5) {
    const node = pending.pop()!;
    if (node.isError || node.isMissing) {
      const line = node.startPosition.row + 1;
      issues.push({
        path: filePath,
        line,
        message: `${filePath}: HCL syntax error at line ${line}; values near it may be missing`,
      });
      continue;
    }
    if (node.hasError) {
      for (const child of [...node.children].reverse())
        if (child) pending.push(child);
    }
  }
}

function readBody(body: SyntaxNode): {
  attributes: Map<string, ConfigValue>;
  blocks: HclBlock[];
} {
  const attributes = new Map<string, ConfigValue>();
  const blocks: HclBlock[] = [];
  for (const child of body.namedChildren) {
    if (!child) continue;
    if (child.type === 'attribute') {
      const name = child.namedChildren.find(n => n?.type === 'identifier');
      const value = child.namedChildren.find(n => n?.type === 'expression');
      if (name && value) {
        attributes.set(
          name.text,
          readExpression(value, child.startPosition.row + 1),
        );
      }
    } else if (child.type === 'block') {
      blocks.push(readBlock(child));
    }
  }
  return { attributes, blocks };
}

function readBlock(node: SyntaxNode): HclBlock {
  let type = '';
  const labels: string[] = [];
  let body: SyntaxNode | undefined;
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'identifier') {
      if (!type) type = child.text;
      else labels.push(child.text);
    } else if (child.type === 'string_lit') {
      labels.push(stringLiteral(child));
    } else if (child.type === 'body') {
      body = child;
    }
  }
  const { attributes, blocks } = body
    ? readBody(body)
    : { attributes: new Map(), blocks: [] };
  return { type, labels, attributes, blocks, line: node.startPosition.row + 1 };
}

function stringLiteral(node: SyntaxNode): string {
  return node.namedChildren
    .filter(child => child?.type === 'template_literal')
    .map(child => unescapeHcl(child!.text))
    .join('');
}

function unescapeHcl(text: string): string {
  return text.replace(
    /\\(["\\nrt])|\$\$\{|%%\{/g,
    (match, escaped: string | undefined) => {
      if (match === '$${') return '${';
      if (match === '%%{') return '%{';
      switch (escaped) {
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        default:
          return escaped ?? match;
      }
    },
  );
}

function readExpression(node: SyntaxNode, line: number): ConfigValue {
  // `expression` wraps the actual form; unwrap single wrappers.
  let inner: SyntaxNode = node;
  while (inner.type === 'expression' && inner.namedChildCount === 1) {
    inner = inner.namedChildren[0]!;
  }
  switch (inner.type) {
    case 'literal_value':
      return readLiteral(inner.namedChildren[0]!, line);
    case 'collection_value':
      return readCollection(inner.namedChildren[0]!, line);
    case 'template_expr':
      return readTemplate(inner, line);
    default:
      return expression(inner.text, line);
  }
}

function expression(text: string, line: number): ConfigExpression {
  return { kind: 'expression', text: text.trim(), line };
}

function readLiteral(node: SyntaxNode, line: number): ConfigValue {
  switch (node.type) {
    case 'string_lit':
      return { kind: 'scalar', value: stringLiteral(node), line };
    case 'numeric_lit':
      return { kind: 'scalar', value: Number(node.text), line };
    case 'bool_lit':
      return { kind: 'scalar', value: node.text === 'true', line };
    default:
      return { kind: 'scalar', value: null, line };
  }
}

function readCollection(node: SyntaxNode, line: number): ConfigValue {
  if (node.type === 'tuple') {
    return {
      kind: 'list',
      items: node.namedChildren
        .filter(child => child?.type === 'expression')
        .map(child => readExpression(child!, child!.startPosition.row + 1)),
      line,
    };
  }
  const map: ConfigMap = { kind: 'map', entries: new Map(), line };
  for (const element of node.namedChildren) {
    if (element?.type !== 'object_elem') continue;
    const keyNode = element.childForFieldName('key');
    const valueNode = element.childForFieldName('val');
    if (!keyNode || !valueNode) continue;
    const key = readExpression(keyNode, element.startPosition.row + 1);
    // Object keys are bare identifiers or strings; a bare identifier parses
    // as a variable reference but means its own name here.
    let keyText: string | undefined;
    if (key.kind === 'scalar') keyText = String(key.value);
    else if (key.kind === 'expression') keyText = key.text;
    if (keyText === undefined) continue;
    map.entries.set(
      keyText,
      readExpression(valueNode, element.startPosition.row + 1),
    );
  }
  return map;
}

function readTemplate(node: SyntaxNode, line: number): ConfigValue {
  const template = node.namedChildren[0];
  if (!template) return expression(node.text, line);
  const parts: Array<string | { expression: string }> = [];
  let literalOnly = true;
  for (const child of template.namedChildren) {
    if (!child) continue;
    if (child.type === 'template_literal') {
      parts.push(unescapeHcl(child.text));
    } else if (child.type === 'template_interpolation') {
      const inner = child.namedChildren.find(n => n?.type === 'expression');
      parts.push({ expression: inner ? inner.text.trim() : child.text });
      literalOnly = false;
    } else if (child.type === 'template_directive') {
      literalOnly = false;
      parts.push({ expression: child.text });
    }
  }
  if (literalOnly) {
    const text = parts.join('');
    // A heredoc's text ends with the newline before its closing marker.
    return {
      kind: 'scalar',
      value:
        template.type === 'heredoc_template' ? text.replace(/\n$/, '') : text,
      line,
    };
  }
  return { kind: 'expression', text: node.text.trim(), template: parts, line };
}

/**
 * A block as a map value: attributes plus nested blocks grouped by type as
 * lists. Terraform lets the same nested structure be written as blocks
 * (`replication_specs { … }`) or as an attribute holding a list of objects
 * (`replication_specs = [{ … }]`); seen this way, both read the same.
 *
 * @public
 */
export function blockAsValue(block: HclBlock): ConfigMap {
  const map: ConfigMap = {
    kind: 'map',
    entries: new Map(block.attributes),
    line: block.line,
  };
  for (const nested of block.blocks) {
    const existing = map.entries.get(nested.type);
    const value = blockAsValue(nested);
    if (existing?.kind === 'list') existing.items.push(value);
    else
      map.entries.set(nested.type, {
        kind: 'list',
        items: [value],
        line: nested.line,
      });
  }
  return map;
}
