import { parseJsonDocument } from './json';
import { DEFAULT_PARSE_LIMITS } from './limits';
import { parseJson, parseYaml } from './yaml';

/** The YAML path's tree, the reference the JSON path must match exactly. */
function viaYaml(text: string) {
  return parseYaml('package.json', text).documents[0]?.root;
}

describe('parseJsonDocument', () => {
  it.each([
    ['a manifest', JSON.stringify({ name: 'x', dependencies: { mongodb: '^6.8.0', pg: '8.11.3' } }, null, 2)],
    ['repeated keys, lists, nesting and every literal', '{"a": 1, "b": [1, {"c": null}, [true, false]], "a": "two"}'],
    ['escapes, numbers and CRLF line ends', '\r\n  {\r\n "x": "\\u00e9\\n\\"q\\"",\r\n "y": -0, "z": 1.5e3, "w": 12345678901234567890 }'],
    ['a scalar root', '"just text"'],
    ['empty containers on their own lines', '{\n  "k": {},\n  "l": [\n  ]\n}'],
  ])('reads %s as the YAML parser does, lines included', (_what, text) => {
    expect(parseJsonDocument('package.json', text, DEFAULT_PARSE_LIMITS)?.root).toEqual(viaYaml(text));
  });

  it.each([
    ['invalid JSON', '{"a": 1,}'],
    ['a comment', '{"a": 1} // note'],
    ['a lone carriage return', '{\r"a": 1}'],
    ['a key longer than YAML allows', `{"${'k'.repeat(2000)}": 1}`],
  ])('leaves %s to the YAML path', (_what, text) => {
    expect(parseJsonDocument('package.json', text, DEFAULT_PARSE_LIMITS)).toBeUndefined();
    expect(parseJson('package.json', text)).toEqual(parseYaml('package.json', text));
  });

  it('leaves a document over the nesting limit to the YAML path, which reports it', () => {
    const deep = `${'['.repeat(150)}${']'.repeat(150)}`;
    expect(parseJsonDocument('a.json', deep, DEFAULT_PARSE_LIMITS)).toBeUndefined();
    expect(parseJson('a.json', deep).issues[0].message).toContain('deeper than');
  });
});
