import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('quotes what needs quoting and nothing else', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(false)).toBe('false');
  });

  it('keeps spreadsheet formulas from running', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1)).toBe('-1');
  });

  it('writes a header and a line per row', () => {
    const rows = [{ name: 'orders', replicas: 3 }, { name: 'a,b', replicas: undefined }];
    expect(
      toCsv(
        [
          { header: 'name', value: (r: (typeof rows)[number]) => r.name },
          { header: 'replicas', value: (r: (typeof rows)[number]) => r.replicas },
        ],
        rows,
      ),
    ).toBe('name,replicas\r\norders,3\r\n"a,b",\r\n');
  });
});
