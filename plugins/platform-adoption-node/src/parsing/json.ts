import type { ConfigMap, ConfigValue } from './configValue';
import type { ParseLimits } from './limits';
import type { ConfigDocument } from './yaml';

/** Longer keys are refused by the YAML parser (1024 characters); such files take its path. */
const MAX_KEY_LENGTH = 1024;

/** Thrown when the fast path cannot give exactly what the YAML path gives. */
class NotSimple extends Error {}

class Walker {
  private at = 0;
  private line = 1;
  private nodes = 0;

  constructor(private readonly text: string, private readonly limits: ParseLimits) {}

  space() {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(this.at);
      if (c === 10) this.line += 1;
      else if (c !== 32 && c !== 9 && c !== 13) return;
      this.at += 1;
    }
  }

  value(keyLine: number | undefined, depth: number): ConfigValue {
    if (depth > this.limits.maxDepth || ++this.nodes > this.limits.maxNodes) throw new NotSimple();
    const line = keyLine ?? this.line;
    const c = this.text[this.at];
    if (c === '{') return this.map(line, depth);
    if (c === '[') return this.list(line, depth);
    if (c === '"') return { kind: 'scalar', value: this.string(), line };
    if (c === 't') return this.literal('true', true, line);
    if (c === 'f') return this.literal('false', false, line);
    if (c === 'n') return this.literal('null', null, line);
    return { kind: 'scalar', value: this.number(), line };
  }

  private map(line: number, depth: number): ConfigMap {
    const map: ConfigMap = { kind: 'map', entries: new Map(), line };
    this.at += 1;
    this.space();
    if (this.text[this.at] === '}') {
      this.at += 1;
      return map;
    }
    for (;;) {
      const keyLine = this.line;
      const key = this.string();
      if (key.length > MAX_KEY_LENGTH) throw new NotSimple();
      this.space();
      this.at += 1; // ':'
      this.space();
      // As the YAML path: a repeated key keeps its first place and takes the last value.
      map.entries.set(key, this.value(keyLine, depth + 1));
      this.space();
      if (this.text[this.at++] === '}') return map;
      this.space();
    }
  }

  private list(line: number, depth: number): ConfigValue {
    const items: ConfigValue[] = [];
    this.at += 1;
    this.space();
    if (this.text[this.at] === ']') {
      this.at += 1;
      return { kind: 'list', items, line };
    }
    for (;;) {
      items.push(this.value(undefined, depth + 1));
      this.space();
      if (this.text[this.at++] === ']') return { kind: 'list', items, line };
      this.space();
    }
  }

  private string(): string {
    const { text } = this;
    const start = this.at;
    let escaped = false;
    let i = start + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) break; // "
      if (c === 92) {
        escaped = true;
        i += 2;
      } else {
        i += 1;
      }
    }
    this.at = i + 1;
    return escaped ? JSON.parse(text.slice(start, i + 1)) : text.slice(start + 1, i);
  }

  private literal(word: string, value: boolean | null, line: number): ConfigValue {
    this.at += word.length;
    return { kind: 'scalar', value, line };
  }

  private number(): number {
    const { text } = this;
    const start = this.at;
    let i = start;
    for (;;) {
      const c = text.charCodeAt(i);
      // - + . 0-9 e E
      if (c === 45 || c === 43 || c === 46 || (c >= 48 && c <= 57) || c === 101 || c === 69) i += 1;
      else break;
    }
    this.at = i;
    return Number(text.slice(start, i));
  }
}

/**
 * A JSON document as the YAML parser would give it (the same values, maps,
 * lists and 1-based lines: a map entry on its key's line, anything else on
 * the line it starts), in a fraction of its time: package manifests are
 * read for every repository of a scan. Undefined when the text is not
 * plain valid JSON or would hit a parse limit — the caller then takes the
 * YAML path, which reports why.
 */
export function parseJsonDocument(
  path: string,
  text: string,
  limits: ParseLimits,
): ConfigDocument | undefined {
  // Validity is JSON.parse's to decide; the walk below assumes it.
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  // A lone carriage return is a line break to some and not to others.
  if (/\r(?!\n)/.test(text)) return undefined;
  try {
    const walker = new Walker(text, limits);
    walker.space();
    const root = walker.value(undefined, 0);
    return { path, index: 0, root };
  } catch (error) {
    if (error instanceof NotSimple) return undefined;
    throw error;
  }
}
