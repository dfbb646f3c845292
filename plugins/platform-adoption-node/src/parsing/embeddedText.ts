/**
 * The 1-based line where a string value's text starts in its file, so
 * lines inside an embedded document (an HCL configuration in a Helm value,
 * a JSON document in an environment variable) can be reported as lines of
 * the file. A YAML block scalar (`config: |`) starts on the line after its
 * key; a quoted or plain scalar on the key's own line.
 *
 * @public
 */
export function embeddedTextStartLine(
  fileText: string | undefined,
  keyLine: number,
): number {
  const line = fileText?.split('\n')[keyLine - 1] ?? '';
  // `key: |`, `key: |-`, `key: >+2`, `- |` … optionally followed by a comment.
  return /(^|:\s|-\s)\s*[|>][-+0-9]*\s*(#.*)?$/.test(line)
    ? keyLine + 1
    : keyLine;
}
