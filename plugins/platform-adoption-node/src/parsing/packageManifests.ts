import { mapAt } from './configValue';
import { parseJson } from './yaml';

/**
 * A library a package manifest declares, as written.
 *
 * @public
 */
export interface DeclaredDependency {
  ecosystem: 'npm' | 'maven' | 'pypi' | 'go' | 'rubygems';
  /**
   * The name in the ecosystem's own form: `mongodb`, `org.mongodb:mongodb-driver-sync`,
   * `psycopg2-binary` (PyPI names normalised), `github.com/jackc/pgx/v5`.
   */
  name: string;
  /** The version or constraint as written (`^6.3.0`, `>=2.9`, `v1.13.1`), when there is one. */
  version?: string;
  line: number;
}

/**
 * The glob of every manifest `readDependencies` understands.
 *
 * @public
 */
export const PACKAGE_MANIFEST_GLOBS = [
  '**/package.json',
  '**/pom.xml',
  '**/build.gradle',
  '**/build.gradle.kts',
  '**/requirements*.txt',
  '**/pyproject.toml',
  '**/go.mod',
  '**/Gemfile',
];

/**
 * Reads the dependencies a manifest declares, chosen by file name. Light
 * scanners, not full parsers: enough to name libraries and their versions
 * with lines, never executing build logic.
 *
 * @public
 */
export function readDependencies(
  path: string,
  text: string,
): DeclaredDependency[] {
  const file = path.slice(path.lastIndexOf('/') + 1);
  if (file === 'package.json') return npmDependencies(path, text);
  if (file === 'pom.xml') return mavenDependencies(text);
  if (file === 'build.gradle' || file === 'build.gradle.kts')
    return gradleDependencies(text);
  if (/^requirements.*\.txt$/.test(file)) return requirementsDependencies(text);
  if (file === 'pyproject.toml') return pyprojectDependencies(text);
  if (file === 'go.mod') return goDependencies(text);
  if (file === 'Gemfile') return gemDependencies(text);
  return [];
}

function npmDependencies(path: string, text: string): DeclaredDependency[] {
  const parsed = parseJson(path, text);
  // A truncated or broken manifest must be named as such, not read as one
  // that declares no dependencies.
  const issue = parsed.issues[0];
  if (issue) {
    throw new Error(
      issue.line ? `it is not valid JSON (line ${issue.line})` : issue.message,
    );
  }
  const root = parsed.documents[0]?.root;
  const result: DeclaredDependency[] = [];
  for (const section of [
    'dependencies',
    'devDependencies',
    'optionalDependencies',
  ]) {
    const map = mapAt(root, [section]);
    if (!map) continue;
    for (const [name, value] of map.entries) {
      const version =
        value.kind === 'scalar' && value.value !== null
          ? String(value.value)
          : undefined;
      result.push({ ecosystem: 'npm', name, version, line: value.line });
    }
  }
  return result;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) line++;
  return line;
}

function xmlTag(block: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(block);
  return match ? match[1] : undefined;
}

function mavenDependencies(text: string): DeclaredDependency[] {
  // Comments could hide or fake dependencies; blank them, keeping offsets.
  const source = text.replace(/<!--[\s\S]*?-->/g, comment =>
    comment.replace(/[^\n]/g, ' '),
  );
  const properties = new Map<string, string>();
  const propertiesBlock = /<properties>([\s\S]*?)<\/properties>/.exec(source);
  if (propertiesBlock) {
    for (const match of propertiesBlock[1].matchAll(
      /<([\w.-]+)>\s*([^<]*?)\s*<\/\1>/g,
    )) {
      properties.set(match[1], match[2]);
    }
  }
  const result: DeclaredDependency[] = [];
  for (const match of source.matchAll(
    /<dependency>([\s\S]*?)<\/dependency>/g,
  )) {
    const groupId = xmlTag(match[1], 'groupId');
    const artifactId = xmlTag(match[1], 'artifactId');
    if (!groupId || !artifactId) continue;
    let version = xmlTag(match[1], 'version');
    // `${mongodb.version}` is resolved from <properties> when declared there.
    const property = version ? /^\$\{([\w.-]+)\}$/.exec(version) : null;
    if (property && properties.has(property[1]))
      version = properties.get(property[1]);
    result.push({
      ecosystem: 'maven',
      name: `${groupId}:${artifactId}`,
      version,
      line: lineAt(source, match.index ?? 0),
    });
  }
  return result;
}

function gradleDependencies(text: string): DeclaredDependency[] {
  const result: DeclaredDependency[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (/^\s*\/\//.test(line)) return;
    // implementation 'g:a:v', implementation("g:a:v"), api "g:a"
    for (const match of line.matchAll(
      /["']([\w.-]+):([\w.-]+)(?::([^"'@:]+))?(?:@\w+)?["']/g,
    )) {
      result.push({
        ecosystem: 'maven',
        name: `${match[1]}:${match[2]}`,
        version: match[3],
        line: index + 1,
      });
    }
    // implementation group: 'g', name: 'a', version: 'v'
    const named =
      /group\s*[:=]\s*["']([\w.-]+)["']\s*,\s*name\s*[:=]\s*["']([\w.-]+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?/.exec(
        line,
      );
    if (named) {
      result.push({
        ecosystem: 'maven',
        name: `${named[1]}:${named[2]}`,
        version: named[3],
        line: index + 1,
      });
    }
  });
  return result;
}

/** PEP 503 normalisation: `Psycopg2_Binary` and `psycopg2-binary` are one project. */
function pypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function pep508(
  requirement: string,
  line: number,
): DeclaredDependency | undefined {
  const match =
    /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(\(?\s*([<>=!~^][^;#)]*)\)?)?/.exec(
      requirement,
    );
  if (!match) return undefined;
  const version = match[4]?.trim().replace(/\s+/g, '');
  return {
    ecosystem: 'pypi',
    name: pypiName(match[1]),
    version: version || undefined,
    line,
  };
}

function requirementsDependencies(text: string): DeclaredDependency[] {
  const result: DeclaredDependency[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith('-')) return;
    const dependency = pep508(line, index + 1);
    if (dependency) result.push(dependency);
  });
  return result;
}

function pyprojectDependencies(text: string): DeclaredDependency[] {
  const result: DeclaredDependency[] = [];
  const lines = text.split('\n');
  let table = '';
  let inArray = false;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\s+#.*$/, '').trim();
    const header = /^\[\[?([^\]]+)\]\]?$/.exec(line);
    if (header) {
      table = header[1].trim();
      inArray = false;
      return;
    }
    const isProjectTable =
      table === 'project' ||
      table === 'project.optional-dependencies' ||
      table === 'dependency-groups';
    if (isProjectTable) {
      // dependencies = ["pymongo>=4", …], possibly spanning lines
      if (/^[\w-]+\s*=\s*\[/.test(line)) inArray = true;
      if (inArray) {
        for (const match of line.matchAll(/["']([^"']+)["']/g)) {
          const dependency = pep508(match[1], index + 1);
          if (dependency) result.push(dependency);
        }
        // The array ends at a bracket outside quotes (extras such as
        // "uvicorn[standard]" have brackets inside them).
        if (line.replace(/"[^"]*"|'[^']*'/g, '').includes(']')) inArray = false;
      }
      return;
    }
    if (/^tool\.poetry(\.group\.[\w-]+)?\.(dev-)?dependencies$/.test(table)) {
      const entry = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*(.+)$/.exec(line);
      if (!entry || pypiName(entry[1]) === 'python') return;
      const value = entry[2];
      const version =
        /^["']([^"']*)["']/.exec(value)?.[1] ??
        /version\s*=\s*["']([^"']*)["']/.exec(value)?.[1];
      result.push({
        ecosystem: 'pypi',
        name: pypiName(entry[1]),
        version,
        line: index + 1,
      });
    }
  });
  return result;
}

function goDependencies(text: string): DeclaredDependency[] {
  const result: DeclaredDependency[] = [];
  let inBlock = false;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    // Indirect requirements are other modules' needs, not this module's usage.
    if (/\/\/\s*indirect/.test(line)) return;
    const code = line.replace(/\/\/.*$/, '').trim();
    if (/^require\s*\($/.test(code)) {
      inBlock = true;
      return;
    }
    if (inBlock && code === ')') {
      inBlock = false;
      return;
    }
    const single = /^require\s+(\S+)\s+(\S+)$/.exec(code);
    const inner = inBlock ? /^(\S+)\s+(\S+)$/.exec(code) : null;
    const match = single ?? inner;
    if (match)
      result.push({
        ecosystem: 'go',
        name: match[1],
        version: match[2],
        line: index + 1,
      });
  });
  return result;
}

function gemDependencies(text: string): DeclaredDependency[] {
  const result: DeclaredDependency[] = [];
  text.split('\n').forEach((raw, index) => {
    const match =
      /^\s*gem\s+["']([\w.-]+)["'](?:\s*,\s*["']([^"']+)["'])?/.exec(raw);
    if (match)
      result.push({
        ecosystem: 'rubygems',
        name: match[1],
        version: match[2],
        line: index + 1,
      });
  });
  return result;
}
