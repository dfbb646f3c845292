/**
 * A file a detector asked for but cannot use: too large, binary, not UTF-8,
 * outside the repository. Carries the path so the problem names the file.
 *
 * @public
 */
export class FileProblem extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(message);
    this.name = 'FileProblem';
    this.path = path;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns a file's bytes into text, refusing what is not a text file: a
 * configuration scanner has no business guessing at binaries, and decoding
 * one lossily would produce garbage "values".
 *
 * @public
 */
export function decodeTextFile(
  path: string,
  bytes: Uint8Array,
  maxFileBytes: number,
): string {
  if (bytes.byteLength > maxFileBytes) {
    throw new FileProblem(
      path,
      `${path} is ${bytes.byteLength} bytes, over the ${maxFileBytes}-byte limit for one file; it was skipped (raise the file size limit if it really is configuration)`,
    );
  }
  // NUL bytes do not occur in text formats we read; they mark binaries
  // (images, archives, compiled files) even when the rest decodes.
  if (bytes.indexOf(0) !== -1) {
    throw new FileProblem(
      path,
      `${path} looks binary (it contains NUL bytes); it was skipped`,
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new FileProblem(
      path,
      `${path} is not valid UTF-8 text; it was skipped (re-encode it as UTF-8 to have it scanned)`,
    );
  }
  // A byte-order mark would otherwise become part of the first key.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
