/** A CSV column: a header and how to read the cell from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | undefined | null;
}

/**
 * One cell, quoted when it must be (RFC 4180). Text a spreadsheet would run
 * as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe, so an
 * exported file cannot execute what a repository happened to contain.
 */
export function csvCell(value: string | number | boolean | undefined | null) {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header line and one line per row, CRLF-separated as RFC 4180 asks. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const lines = [columns.map(c => csvCell(c.header)).join(',')];
  for (const row of rows) {
    lines.push(columns.map(c => csvCell(c.value(row))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Offers text as a file download in the browser. */
export function downloadText(filename: string, text: string, type: string) {
  // The BOM makes spreadsheet applications read the file as UTF-8.
  const blob = new Blob(['\ufeff', text], { type });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
