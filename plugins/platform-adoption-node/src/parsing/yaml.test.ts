import { mapAt, scalarAt, stringAt, toPlain, valueAt } from './configValue';
import { parseLimits } from './limits';
import { parseJson, parseYaml } from './yaml';

describe('parseYaml', () => {
  it('reads every document of a stream with 1-based lines', () => {
    const text = 'kind: A\nname: first\n---\nkind: B\nspec:\n  replicas: 3\n';
    const { documents, issues } = parseYaml('multi.yaml', text);
    expect(issues).toEqual([]);
    expect(documents.map(d => stringAt(d.root, ['kind']))).toEqual(['A', 'B']);
    expect(scalarAt(documents[1].root, ['spec', 'replicas'])).toEqual({
      kind: 'scalar',
      value: 3,
      line: 6,
    });
    // A map's line is its key's line, where a reader looks for it.
    expect(mapAt(documents[1].root, ['spec'])?.line).toBe(5);
  });

  it('expands anchors, aliases and merge keys, explicit keys winning', () => {
    const text = [
      'defaults: &defaults',
      '  image: mongo:7.0',
      '  restart: always',
      'extra: &extra',
      '  restart: never',
      '  tty: true',
      'service:',
      '  <<: [*defaults, *extra]',
      '  restart: unless-stopped',
      'copy: *defaults',
    ].join('\n');
    const root = parseYaml('anchors.yaml', text).documents[0].root;
    expect(toPlain(valueAt(root, ['service']))).toEqual({
      image: 'mongo:7.0',
      restart: 'unless-stopped',
      tty: true,
    });
    // A merged value keeps the line where it is written.
    expect(scalarAt(root, ['service', 'image'])?.line).toBe(2);
    expect(toPlain(valueAt(root, ['copy']))).toEqual({
      image: 'mongo:7.0',
      restart: 'always',
    });
  });

  it('tolerates re-defined anchors (the latest preceding one wins) and duplicate keys (last wins)', () => {
    const text = 'a: &x first\nb: *x\nc: &x second\nd: *x\ne: 1\ne: 2\n';
    const { documents, issues } = parseYaml('dupes.yaml', text);
    expect(issues).toEqual([]);
    expect(toPlain(documents[0].root)).toEqual({
      a: 'first',
      b: 'first',
      c: 'second',
      d: 'second',
      e: 2,
    });
  });

  it('reports a broken document with its line and keeps the others', () => {
    const text =
      'name: good\n---\nlist: [1, 2\nother: x\n---\nname: also-good\n';
    const { documents, issues } = parseYaml('broken.yaml', text);
    expect(documents.map(d => stringAt(d.root, ['name']))).toEqual([
      'good',
      'also-good',
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('broken.yaml');
    expect(issues[0].message).toContain('document 2');
  });

  it('refuses an alias bomb with a message naming the file', () => {
    const levels = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(
        `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`,
      );
    }
    const started = Date.now();
    const { documents, issues } = parseYaml('bomb.yaml', levels.join('\n'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(documents).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/bomb\.yaml.*alias/);
  });

  it('refuses nesting deeper than the limit', () => {
    const text = `${'['.repeat(40)}1${']'.repeat(40)}`;
    const { documents, issues } = parseYaml(
      'deep.yaml',
      text,
      parseLimits({ maxDepth: 20 }),
    );
    expect(documents).toEqual([]);
    expect(issues[0].message).toMatch(/deep\.yaml.*deeper than 20/);
    expect(
      parseYaml('deep.yaml', text, parseLimits({ maxDepth: 50 })).documents,
    ).toHaveLength(1);
  });

  it('keeps YAML 1.2 scalars as written (no 1.1 "no"/"on" booleans, versions stay text when quoted)', () => {
    const root = parseYaml(
      'scalars.yaml',
      'country: no\nversion: "7.0"\nnumber: 7.0\n',
    ).documents[0].root;
    expect(toPlain(root)).toEqual({ country: 'no', version: '7.0', number: 7 });
  });
});

describe('parseJson', () => {
  it('gives JSON values their lines', () => {
    const text =
      '{\n  "name": "app",\n  "dependencies": {\n    "mongodb": "^6.3.0"\n  }\n}\n';
    const root = parseJson('package.json', text).documents[0].root;
    expect(scalarAt(root, ['dependencies', 'mongodb'])).toEqual({
      kind: 'scalar',
      value: '^6.3.0',
      line: 4,
    });
  });
});
