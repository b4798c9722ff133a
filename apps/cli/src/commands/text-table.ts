// Plain-text tables for the terminal: fixed column widths, cells wrapped at list separators or spaces.

export interface Column {
  header: string;
  /** Maximum width; cells longer than this wrap onto further lines. */
  width: number;
}

/** Splits text into lines of at most `width` characters, breaking after '; ' where possible, else at a space (or after an '_'). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const head = rest.slice(0, width + 1);
    // prefer the last '; ' when it leaves a reasonably full line, else the last space, else just after an '_'
    const separator = head.lastIndexOf('; ');
    const space = head.lastIndexOf(' ');
    const underscore = head.lastIndexOf('_', width - 1);
    const at =
      separator >= width / 3 ? separator + 1 : space > 0 ? space : underscore > 0 ? underscore + 1 : width;
    lines.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  lines.push(rest);
  return lines;
}

/** The table as text: a header line, a rule, then every row (wrapped cells continue on the following lines). */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) =>
    Math.min(c.width, Math.max(c.header.length, ...rows.map((r) => r[i].length))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w)))];
  for (const row of rows) {
    const wrapped = row.map((cell, i) => wrap(cell, widths[i]));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k++) out.push(line(wrapped.map((w) => w[k] ?? '')));
  }
  return out.join('\n');
}
