import {
  Alias,
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  Node as YamlAstNode,
  parseAllDocuments,
} from 'yaml';
import { parseBlockYaml } from './blockYaml';
import { ConfigMap, ConfigScalarValue, ConfigValue } from './configValue';
import { parseJsonDocument } from './json';
import { ParseLimits, DEFAULT_PARSE_LIMITS } from './limits';

/**
 * One document of a (possibly multi-document) YAML or JSON file.
 *
 * @public
 */
export interface ConfigDocument {
  /** The file, relative to the repository root. */
  path: string;
  /** 0-based position among the file's documents. */
  index: number;
  /** The document's content, aliases and merge keys expanded. */
  root: ConfigValue | undefined;
}

/** A problem with part of a file; the rest of the file is still used. @public */
export interface ParseIssue {
  path: string;
  line?: number;
  message: string;
}

/** @public */
export interface ParsedConfigFile {
  documents: ConfigDocument[];
  issues: ParseIssue[];
}

/** Raised when a document exceeds a parse limit; the document is dropped. */
class LimitExceeded extends Error {}

class Converter {
  private readonly anchors = new Map<string, YamlAstNode>();
  private aliasCount = 0;
  private nodeCount = 0;
  /** While expanding an alias, anchors inside the copy must not be re-registered. */
  private expanding = 0;

  constructor(
    private readonly path: string,
    private readonly lines: LineCounter,
    private readonly limits: ParseLimits,
  ) {}

  convert(
    node: YamlAstNode,
    keyLine: number | undefined,
    depth: number,
  ): ConfigValue {
    if (depth > this.limits.maxDepth) {
      throw new LimitExceeded(
        `${this.path}: YAML nesting is deeper than ${this.limits.maxDepth} levels; the document was skipped`,
      );
    }
    if (++this.nodeCount > this.limits.maxNodes) {
      throw new LimitExceeded(
        `${this.path}: YAML document expands to more than ${this.limits.maxNodes} values (aliases expanded); the document was skipped as a possible alias bomb`,
      );
    }
    if (isAlias(node)) return this.expandAlias(node, keyLine, depth);

    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && this.expanding === 0) this.anchors.set(anchor, node);

    const line = keyLine ?? this.lineOf(node);
    if (isScalar(node)) {
      return { kind: 'scalar', value: scalarValue(node.value), line };
    }
    if (isSeq(node)) {
      return {
        kind: 'list',
        items: node.items.map(item =>
          this.convert(item as YamlAstNode, undefined, depth + 1),
        ),
        line,
      };
    }
    if (isMap(node)) {
      const map: ConfigMap = { kind: 'map', entries: new Map(), line };
      const merged: ConfigMap[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = this.keyText(pair.key as YamlAstNode | null);
        const keyLineOf = pair.key
          ? this.lineOf(pair.key as YamlAstNode)
          : line;
        if (key === '<<' && pair.value) {
          merged.push(
            ...this.mergeSources(pair.value as YamlAstNode, keyLineOf, depth),
          );
          continue;
        }
        if (key === undefined) continue;
        const value = pair.value
          ? this.convert(pair.value as YamlAstNode, keyLineOf, depth + 1)
          : ({ kind: 'scalar', value: null, line: keyLineOf } as ConfigValue);
        map.entries.set(key, value);
      }
      // Explicit keys win over merged ones; earlier merge sources win over later.
      for (const source of merged) {
        for (const [key, value] of source.entries) {
          if (!map.entries.has(key)) map.entries.set(key, value);
        }
      }
      return map;
    }
    return { kind: 'scalar', value: null, line };
  }

  private mergeSources(
    value: YamlAstNode,
    line: number,
    depth: number,
  ): ConfigMap[] {
    const converted = this.convert(value, line, depth + 1);
    if (converted.kind === 'map') return [converted];
    if (converted.kind === 'list') {
      const sources: ConfigMap[] = [];
      for (const item of converted.items) {
        if (item.kind === 'map') {
          // An earlier map in `<<: [*a, *b]` wins: merge its keys first.
          const copy: ConfigMap = {
            kind: 'map',
            entries: new Map(),
            line: item.line,
          };
          for (const [k, v] of item.entries)
            if (!copy.entries.has(k)) copy.entries.set(k, v);
          sources.push(copy);
        }
      }
      return sources;
    }
    return [];
  }

  private expandAlias(
    alias: Alias,
    keyLine: number | undefined,
    depth: number,
  ): ConfigValue {
    if (++this.aliasCount > this.limits.maxAliasCount) {
      throw new LimitExceeded(
        `${this.path}: YAML document dereferences aliases more than ${this.limits.maxAliasCount} times; the document was skipped as a possible alias bomb`,
      );
    }
    const target = this.anchors.get(alias.source);
    if (!target) {
      throw new LimitExceeded(
        `${this.path}: YAML alias *${alias.source} at line ${this.lineOf(
          alias,
        )} has no preceding anchor; the document was skipped`,
      );
    }
    this.expanding++;
    try {
      // A mapping keeps the line of the key that uses the alias: that is
      // where this copy of the values applies.
      return this.convert(target, keyLine ?? this.lineOf(alias), depth + 1);
    } finally {
      this.expanding--;
    }
  }

  private keyText(key: YamlAstNode | null): string | undefined {
    if (!key) return undefined;
    if (isScalar(key)) return key.value === null ? '' : String(key.value);
    if (isAlias(key)) {
      const target = this.anchors.get(key.source);
      return target && isScalar(target) ? String(target.value) : undefined;
    }
    // Complex keys (maps as keys) do not occur in the formats we read.
    return undefined;
  }

  private lineOf(node: YamlAstNode): number {
    const start = node.range?.[0] ?? 0;
    return this.lines.linePos(start).line;
  }
}

function scalarValue(value: unknown): ConfigScalarValue {
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  )
    return value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

/**
 * Parses YAML the way the tools that read these files do (Kubernetes,
 * Helm, compose: YAML 1.2 with 1.1 merge keys), hardened for untrusted
 * repositories:
 * - every document of a multi-document stream, each on its own: a broken
 *   document is reported and the others are kept;
 * - aliases and `<<` merge keys expanded, with a limit on dereferences and
 *   on expanded size, so an alias bomb is refused instead of eating memory;
 * - duplicate keys (last wins) and re-defined anchors (the latest
 *   preceding one wins), both of which real files contain;
 * - every value keeps its 1-based line.
 *
 * Plain block YAML, which most files are, takes a direct path that gives
 * the same result several times faster (parsing was most of a scan's
 * detection time); anything else goes through the full parser.
 *
 * @public
 */
export function parseYaml(
  path: string,
  text: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): ParsedConfigFile {
  const documents = parseBlockYaml(path, text, limits);
  if (documents) return { documents, issues: [] };
  return parseYamlFully(path, text, limits);
}

/** {@link parseYaml} by the full YAML parser: every construct, every error reported. */
export function parseYamlFully(
  path: string,
  text: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): ParsedConfigFile {
  const lineCounter = new LineCounter();
  const issues: ParseIssue[] = [];
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, {
      lineCounter,
      uniqueKeys: false,
      prettyErrors: false,
      // Merge keys are expanded below, where the expansion can be bounded.
      merge: false,
      strict: false,
    }) as Document.Parsed[];
  } catch (error) {
    // The parser recurses on nesting; a pathological file can exhaust the stack.
    return {
      documents: [],
      issues: [
        {
          path,
          message: `${path} could not be parsed as YAML: ${
            (error as Error).message
          }`,
        },
      ],
    };
  }
  if (!Array.isArray(documents)) documents = [];

  const result: ConfigDocument[] = [];
  documents.forEach((document, index) => {
    if (document.errors.length > 0) {
      const first = document.errors[0];
      const line = lineCounter.linePos(first.pos[0]).line;
      issues.push({
        path,
        line,
        message: `${path}: YAML document ${
          index + 1
        } is invalid at line ${line} (${first.code}); it was skipped`,
      });
      return;
    }
    try {
      const converter = new Converter(path, lineCounter, limits);
      const root = document.contents
        ? converter.convert(document.contents as YamlAstNode, undefined, 0)
        : undefined;
      result.push({ path, index, root });
    } catch (error) {
      if (error instanceof LimitExceeded || error instanceof RangeError) {
        issues.push({ path, message: error.message });
        return;
      }
      throw error;
    }
  });
  return { documents: result, issues };
}

/**
 * JSON as the YAML parser reads it (JSON is YAML 1.2), so its values carry
 * lines like every other source. Plain valid JSON takes a direct path that
 * gives the same result several times faster; anything else (invalid,
 * over a limit) goes through the YAML parser, which says what is wrong.
 *
 * @public
 */
export function parseJson(
  path: string,
  text: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): ParsedConfigFile {
  const document = parseJsonDocument(path, text, limits);
  if (document) return { documents: [document], issues: [] };
  return parseYaml(path, text, limits);
}
