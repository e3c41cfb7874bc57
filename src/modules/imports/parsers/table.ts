import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/**
 * The customers template (CSV or XLSX, first sheet): one header row, then one customer a row.
 * Headers are matched without case or spaces, so "PPPoE Username" and "pppoe_username" both work.
 */
export const templateColumns = ['name', 'phone', 'address', 'paket', 'price', 'download_mbps', 'upload_mbps', 'pppoe_username', 'pppoe_password', 'ip_address', 'activated_on'] as const;
export type TemplateColumn = (typeof templateColumns)[number];
export type TableRow = { line: number; values: Partial<Record<TemplateColumn, string>> };

const normalise = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

function toRows(matrix: string[][]): TableRow[] {
  const [header, ...body] = matrix;
  if (!header) return [];
  const keys = header.map((h) => normalise(h) as TemplateColumn);
  return body
    .map((cells, k) => ({
      line: k + 2,
      values: Object.fromEntries(keys.flatMap((key, j) => (templateColumns.includes(key) && (cells[j] ?? '').trim() !== '' ? [[key, cells[j].trim()]] : []))),
    }))
    .filter((r) => Object.keys(r.values).length > 0);
}

export const parseCsvTable = (text: string): TableRow[] => toRows(parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][]);

export async function parseXlsxTable(data: Buffer): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const matrix: string[][] = [];
  const cell = (v: ExcelJS.CellValue): string =>
    v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' && 'text' in v ? String(v.text) : typeof v === 'object' && 'result' in v ? String(v.result ?? '') : String(v);
  sheet.eachRow({ includeEmpty: true }, (row) => matrix.push(Array.from({ length: sheet.columnCount }, (_, i) => cell(row.getCell(i + 1).value))));
  return toRows(matrix);
}

