import {
  describeValue,
  listAt,
  nestedAt,
  scalarAt,
  toPlain,
  valueAt,
} from './configValue';
import { lineOf } from '../testing/detect';
import { blockAsValue, loadHclParser, parseHcl } from './hcl';

beforeAll(() => loadHclParser());

const TEXT = `# comment
resource "aws_db_instance" "main" {
  engine         = "postgres"
  engine_version = var.engine_version
  multi_az       = true
  port           = 5432
  identifier     = "\${var.env}-db"
  tags = {
    environment = "prod"
    "cost-centre" = local.cost_centre
  }
  zones = ["a", "b"]
  policy = <<EOT
plain text
EOT

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
  parameter {
    name  = "log_connections"
    value = "on"
  }
}

variable "engine_version" {
  default = "16.4"
}
`;

describe('parseHcl', () => {
  it('reads blocks with their type, labels, attributes and lines', () => {
    const file = parseHcl('main.tf', TEXT);
    expect(file.issues).toEqual([]);
    expect(file.blocks.map(b => [b.type, b.labels, b.line])).toEqual([
      ['resource', ['aws_db_instance', 'main'], 2],
      [
        'variable',
        ['engine_version'],
        lineOf(TEXT, 'variable "engine_version"'),
      ],
    ]);
    const resource = file.blocks[0];
    expect(resource.attributes.get('engine')).toEqual({
      kind: 'scalar',
      value: 'postgres',
      line: 3,
    });
    expect(resource.attributes.get('multi_az')).toMatchObject({
      value: true,
      line: 5,
    });
    expect(resource.attributes.get('port')).toMatchObject({ value: 5432 });
    expect(resource.attributes.get('policy')).toMatchObject({
      kind: 'scalar',
      value: 'plain text',
    });
  });

  it('keeps references and templates as unresolved expressions', () => {
    const resource = parseHcl('main.tf', TEXT).blocks[0];
    expect(resource.attributes.get('engine_version')).toMatchObject({
      kind: 'expression',
      text: 'var.engine_version',
      line: 4,
    });
    const template = resource.attributes.get('identifier');
    expect(template).toMatchObject({
      kind: 'expression',
      template: [{ expression: 'var.env' }, '-db'],
    });
    expect(describeValue(template!)).toBe('"${var.env}-db"');
  });

  it('reads objects and lists, and nested blocks as lists of maps', () => {
    const body = blockAsValue(parseHcl('main.tf', TEXT).blocks[0]);
    expect(toPlain(valueAt(body, ['tags']))).toEqual({
      environment: 'prod',
      'cost-centre': 'local.cost_centre',
    });
    expect(toPlain(valueAt(body, ['zones']))).toEqual(['a', 'b']);
    expect(listAt(body, ['parameter']).map(p => toPlain(p))).toEqual([
      { name: 'rds.force_ssl', value: '1' },
      { name: 'log_connections', value: 'on' },
    ]);
    expect(scalarAt(body, ['parameter', 1, 'value'])?.line).toBe(
      lineOf(TEXT, 'value = "on"'),
    );
  });

  it('reads block and attribute syntax of the same nested structure alike', () => {
    const blocks = parseHcl(
      'a.tf',
      'resource "x" "a" {\n  spec {\n    size { count = 3 }\n  }\n}\n',
    ).blocks[0];
    const attributes = parseHcl(
      'b.tf',
      'resource "x" "b" {\n  spec = [{\n    size = { count = 3 }\n  }]\n}\n',
    ).blocks[0];
    expect(toPlain(nestedAt(blockAsValue(blocks), 'spec.size.count'))).toBe(3);
    expect(toPlain(nestedAt(blockAsValue(attributes), 'spec.size.count'))).toBe(
      3,
    );
  });

  it('reports syntax errors with their line and still reads the rest', () => {
    const file = parseHcl(
      'broken.tf',
      'resource "a" "ok" {\n  x = 1\n}\nresource "b" "bad" {\n  y = = 2\n}\nvariable "v" { default = 3 }\n',
    );
    expect(file.issues.length).toBeGreaterThan(0);
    expect(file.issues[0].message).toContain('broken.tf');
    expect(
      file.blocks.find(b => b.labels[1] === 'ok')?.attributes.get('x'),
    ).toMatchObject({ value: 1 });
  });
});
