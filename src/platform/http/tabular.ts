import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

/**
 * Streams a table to CSV or XLSX (reports, exports): rows come from an async iterable and go out
 * as they are written, so 50,000 rows never sit in memory as one document. CSV is UTF-8 with a
 * BOM (Excel opens Indonesian text right) and a header row; XLSX is one sheet with the same rows.
 */
export const tableFormats = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof tableFormats)[number];
export type Cell = string | number | boolean | Date | null;
export type TableColumn<R> = { header: string; value: (row: R) => Cell; width?: number };

export async function writeTable<R>(out: NodeJS.WritableStream, format: TableFormat, sheet: string, columns: TableColumn<R>[], rows: AsyncIterable<R> | Iterable<R>) {
  if (format === 'csv') {
    const csv = stringify({ bom: true, cast: { date: (d) => d.toISOString(), boolean: (b) => (b ? 'true' : 'false') } });
    csv.pipe(out);
    const write = (record: Cell[]) => (csv.write(record) ? Promise.resolve() : new Promise<void>((resolve) => csv.once('drain', () => resolve())));
    await write(columns.map((c) => c.header));
    for await (const row of rows) await write(columns.map((c) => c.value(row)));
    await new Promise<void>((resolve, reject) => {
      csv.once('error', reject);
      out.once('finish', () => resolve());
      csv.end();
    });
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as import('node:stream').Stream, useStyles: false, useSharedStrings: false });
  const ws = workbook.addWorksheet(sheet.slice(0, 31));
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length + 2) }));
  for await (const row of rows) ws.addRow(columns.map((c) => c.value(row))).commit();
  ws.commit();
  await workbook.commit();
}

const contentTypes: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Answers a request with the table as a download named `<name>.<format>`. */
export function sendTable<R>(reply: FastifyReply, format: TableFormat, name: string, columns: TableColumn<R>[], rows: AsyncIterable<R> | Iterable<R>) {
  const out = new PassThrough();
  writeTable(out, format, name, columns, rows).catch((error: unknown) => out.destroy(error as Error));
  reply.header('content-disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}.${format}"`);
  return reply.type(contentTypes[format]).send(out as Readable);
}

/** Pages through a source `pageSize` rows at a time (each page its own short transaction). */
export async function* paged<R>(fetchPage: (offset: number, limit: number) => Promise<R[]>, pageSize = 5000): AsyncIterable<R> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await fetchPage(offset, pageSize);
    yield* page;
    if (page.length < pageSize) return;
  }
}
