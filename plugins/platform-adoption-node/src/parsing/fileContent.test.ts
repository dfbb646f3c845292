import { decodeTextFile, FileProblem } from './fileContent';

describe('decodeTextFile', () => {
  it('returns the text of a UTF-8 file without its byte-order mark', () => {
    expect(
      decodeTextFile('a.yaml', Buffer.from('\ufeffname: é\n', 'utf8'), 100),
    ).toBe('name: é\n');
  });

  it.each([
    [
      'too large',
      Buffer.alloc(2048, 'a'),
      /big\.yaml is 2048 bytes, over the 1024-byte limit/,
    ],
    [
      'binary',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      /big\.yaml looks binary/,
    ],
    [
      'not UTF-8',
      Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0xff, 0xfe, 0x41]),
      /big\.yaml is not valid UTF-8/,
    ],
  ])('refuses a %s file with a problem naming it', (_what, bytes, message) => {
    let thrown: unknown;
    try {
      decodeTextFile('big.yaml', bytes, 1024);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FileProblem);
    expect((thrown as FileProblem).path).toBe('big.yaml');
    expect((thrown as Error).message).toMatch(message);
  });
});
