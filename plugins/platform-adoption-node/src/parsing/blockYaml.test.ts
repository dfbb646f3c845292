import fs from 'fs';
import path from 'path';
import { parseBlockYaml } from './blockYaml';
import { DEFAULT_PARSE_LIMITS } from './limits';
import { parseYaml, parseYamlFully } from './yaml';

/** Maps as entry lists, NaN as text: what two parses can be compared by. */
const comparable = (value: unknown): unknown => {
  if (value instanceof Map) return [...value].map(([k, v]) => [k, comparable(v)]);
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return Number.isNaN(value) ? 'NaN' : value;
};

const fast = (text: string) => parseBlockYaml('f.yaml', text, DEFAULT_PARSE_LIMITS);
const full = (text: string) => parseYamlFully('f.yaml', text);

/** Block YAML the direct path must read exactly as the full parser does. */
const PLAIN: Record<string, string> = {
  'helm values': [
    '# Default values',
    'replicaCount: 3',
    'image:',
    '  repository: bitnami/mongodb   # pinned below',
    '  tag: "7.0.12"',
    '  pullPolicy: IfNotPresent',
    'auth:',
    '  enabled: true',
    '  rootPassword: ""',
    'tolerations: []',
    'podAnnotations: {}',
    'resources:',
    '  limits: {}',
  ].join('\n'),
  'compose services with environment lists': [
    'services:',
    '  db:',
    '    image: postgres:16.3',
    '    environment:',
    '      - POSTGRES_DB=app',
    '      - "PGDATA=/var/lib/postgresql/data"',
    '    ports:',
    '    - "5432:5432"',
    '    healthcheck:',
    '      test: pg_isready -U app',
    '      interval: 10s',
  ].join('\n'),
  'kubernetes documents': [
    '---',
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: redis',
    '  labels:',
    '    app.kubernetes.io/name: redis',
    'spec:',
    '  replicas: 3',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: redis',
    '          image: redis:7.2',
    '          args:',
    '            - --appendonly',
    '            - "yes"',
    '---',
    '# the service',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: redis',
  ].join('\n'),
  'typed scalars (YAML 1.2 core schema)': [
    'decimal: 0042',
    'signed: -17',
    'octal: 0o17',
    'hex: 0x1F',
    'float: 1.50',
    'exponent: 1e3',
    'leading-dot: .5',
    'infinite: -.inf',
    'not-a-number: .NaN',
    'tilde: ~',
    'null-word: Null',
    'empty:',
    'yes-is-text: yes',
    'on-is-text: on',
    'date-is-text: 2001-12-14',
    'underscores-are-text: 1_000',
    'upper: TRUE',
    'mixed: tRue',
  ].join('\n'),
  'keys that are typed, quoted or odd': [
    '1.0: one',
    '~: tilde',
    '"quoted key": 1',
    "'single': 2",
    'key with spaces : 3',
    'url: http://example.com:8080/path',
    'cron: "*/5 * * * *"',
    'hash#inside: 4',
  ].join('\n'),
  'quoted scalars and escapes': [
    `single: 'it''s'`,
    'double: "tab\\there \\"quoted\\" \\u00e9 \\x41 \\\\ \\/"',
    'after: "x" # comment',
    `empty-single: ''`,
  ].join('\n'),
  'nested and compact sequences': [
    '- name: a',
    '  ports:',
    '  - 80',
    '  - 443',
    '-',
    '  name: b',
    '- - x',
    '  - y',
    '-',
    '- last',
  ].join('\n'),
  'literal block scalars, every chomping': [
    'pgHbaConfiguration: |-',
    '  hostssl all all 0.0.0.0/0 scram-sha-256',
    '',
    '  # not a comment: content',
    'clip: |',
    '    indented more',
    '      and more',
    '',
    'keep: |+ # a comment on the header',
    '  kept',
    '',
    '',
    'args:',
    '  - |',
    '    echo one',
    '  - after',
    'last: |',
    '  at the end of the file',
    '',
  ].join('\n'),
  'a literal block scalar before the next document': ['a: |', '  x', '---', 'b: 1', ''].join('\n'),
  'duplicate keys: the last wins, in the first place': ['a: 1', 'b: 2', 'a: 3'].join('\n'),
  'windows line ends': 'a: 1\r\nb:\r\n  - c\r\n',
  'comments everywhere': ['# top', 'a: # after a key', '  # inside', '  b: 1 # after a value', '# end'].join('\n'),
};

/** YAML the direct path leaves to the full parser. */
const NOT_PLAIN: Record<string, string> = {
  anchors: 'a: &x 1\nb: *x\n',
  'merge keys': 'base: {a: 1}\nmore:\n  <<: {b: 2}\n',
  'flow collections': 'a: [1, 2]\n',
  'folded block scalars': 'script: >\n  echo hi\n',
  'block scalars with an indentation indicator': 'script: |2\n   echo hi\n',
  'a block scalar whose last line has no line break': 'script: |\n  echo hi',
  'whitespace-only lines longer than the block indentation': 'script: |\n  a\n     \n  b\nc: 1\n',
  'multi-line plain scalars': 'a: one\n  two\n',
  tags: 'a: !!str 1\n',
  tabs: 'a:\n\tb: 1\n',
  'nested mapping on one line (an error)': 'a: b: c\n',
  'an empty trailing document': 'a: 1\n---\n',
  'a scalar document': 'just text\n',
  'odd indentation': 'a:\n    b: 1\n  c: 2\n',
  'unclosed quote': 'a: "open\n',
  'unknown escape': 'a: "\\q"\n',
  directives: '%YAML 1.2\n---\na: 1\n',
  'byte order mark': '\ufeffa: 1\n',
};

describe('parseBlockYaml', () => {
  it.each(Object.entries(PLAIN))('reads %s as the full parser does', (_name, text) => {
    const documents = fast(text);
    expect(documents).toBeDefined();
    expect(full(text).issues).toEqual([]);
    expect(comparable(documents)).toEqual(comparable(full(text).documents));
  });

  it.each(Object.entries(NOT_PLAIN))('leaves %s to the full parser', (_name, text) => {
    expect(fast(text)).toBeUndefined();
    // …and parseYaml still reads it (or says what is wrong) through it.
    expect(comparable(parseYaml('f.yaml', text))).toEqual(comparable(full(text)));
  });

  it('leaves documents over the parse limits to the full parser, which names the limit', () => {
    const deep = `${Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1\n`;
    const limits = { ...DEFAULT_PARSE_LIMITS, maxDepth: 4 };
    expect(parseBlockYaml('deep.yaml', deep, limits)).toBeUndefined();
    expect(parseYaml('deep.yaml', deep, limits).issues[0].message).toMatch(/deeper than 4 levels/);
  });

  it('reads the demo repositories and the real-world fixtures as the full parser does', () => {
    const roots = [path.resolve(__dirname, '../../../../examples'), path.resolve(__dirname, '../../../../../shared/fixtures/real-world')];
    const files = roots.filter(root => fs.existsSync(root)).flatMap(root => yamlFilesUnder(root));
    let direct = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const documents = parseBlockYaml(file, text, DEFAULT_PARSE_LIMITS);
      if (!documents) continue;
      direct += 1;
      expect({ file, parsed: comparable(documents) }).toEqual({ file, parsed: comparable(parseYamlFully(file, text).documents) });
    }
    // Most configuration files are plain block YAML; the direct path must be the common one.
    expect(files.length).toBeGreaterThan(50);
    expect(direct / files.length).toBeGreaterThan(0.4);
  });
});

function yamlFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFilesUnder(file);
    return /\.ya?ml$/i.test(entry.name) ? [file] : [];
  });
}
