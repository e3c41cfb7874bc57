/**
 * Rows of a MySQL dump (mysqldump / phpMyAdmin export): `INSERT INTO \`table\` (\`a\`, \`b\`)
 * VALUES (…), (…);`, strings in single quotes with backslash or doubled-quote escapes, NULL,
 * numbers. Only the tables asked for are kept; columns come from each statement, so an old
 * install that lacks a column just lacks that key (schema drift).
 */
export type DumpRow = { line: number; values: Record<string, string | null> };

export function parseSqlDump(text: string, tables: readonly string[]): Map<string, DumpRow[]> {
  const out = new Map<string, DumpRow[]>(tables.map((t) => [t, []]));
  const insert = /INSERT\s+(?:IGNORE\s+)?INTO\s+`?(\w+)`?\s*\(([^)]*)\)\s*VALUES\s*/gi;
  let m: RegExpExecArray | null;
  while ((m = insert.exec(text))) {
    const table = m[1];
    const columns = m[2].split(',').map((c) => c.trim().replace(/^`|`$/g, ''));
    let i = insert.lastIndex;
    const rows = out.get(table);
    // Walk the tuples up to the statement's closing semicolon.
    while (i < text.length) {
      while (/\s|,/.test(text[i])) i++;
      if (text[i] === ';') break;
      if (text[i] !== '(') break;
      const line = text.slice(0, i).split('\n').length;
      i++;
      const values: (string | null)[] = [];
      for (;;) {
        while (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t') i++;
        if (text[i] === "'") {
          let v = '';
          i++;
          for (;;) {
            const ch = text[i];
            if (ch === undefined) break;
            if (ch === '\\') {
              const n = text[i + 1];
              v += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : n === '0' ? '\0' : n;
              i += 2;
            } else if (ch === "'" && text[i + 1] === "'") {
              v += "'";
              i += 2;
            } else if (ch === "'") {
              i++;
              break;
            } else v += text[i++];
          }
          values.push(v);
        } else {
          let raw = '';
          while (i < text.length && text[i] !== ',' && text[i] !== ')') raw += text[i++];
          raw = raw.trim();
          values.push(raw.toUpperCase() === 'NULL' ? null : raw);
        }
        while (text[i] === ' ') i++;
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ')') {
          i++;
          break;
        }
        break;
      }
      if (rows) rows.push({ line, values: Object.fromEntries(columns.map((c, k) => [c, values[k] ?? null])) });
    }
    insert.lastIndex = i;
  }
  return out;
}
