/**
 * Spreadsheet formula injection (OWASP, "CSV Injection"): a cell that begins with = + - @,
 * a tab or a carriage return is run as a formula by Excel, LibreOffice and Google Sheets
 * when the file is opened (e.g. a note "=HYPERLINK(...)"). Such a cell gets a leading
 * apostrophe, which spreadsheets show as text and which a reader of the file sees as such.
 * Applied to every text cell of every export, since a CSV or Markdown table is pasted into
 * a spreadsheet as readily as an xlsx is opened. Numbers are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell<T extends string | number>(value: T): T | string {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

export function safeRow<T extends string | number>(cells: T[]): Array<T | string> {
  return cells.map(safeCell);
}

/** A Markdown table cell: formula prefix neutralised, pipes escaped, line breaks as <br>. */
export function markdownCell(value: string | number): string {
  return String(safeCell(value))
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\r\n|\r|\n/g, "<br>");
}
