import QRCode from 'qrcode';
import { dateTimeFormat, numberFormat } from '../../platform/formatters.ts';
import type { Receipt, VerifiedReceipt } from './use-cases/receipts.ts';

/**
 * Printable receipts (kuitansi) as self-contained HTML pages: browser print with one layout per
 * paper — 58 mm and 80 mm thermal rolls (@page width, monospace, no margins) and A4.
 */
export const receiptPapers = ['58', '80', 'a4'] as const;
export type ReceiptPaper = (typeof receiptPapers)[number];

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const rupiah = (n: number) => `Rp ${numberFormat('id-ID').format(n)}`;
const methodLabel: Record<string, string> = { cash: 'Tunai', transfer: 'Transfer bank', gateway: 'Pembayaran online', collector: 'Penagih' };
const when = (d: Date, timeZone: string) => dateTimeFormat('id-ID', { timeZone, day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);

const paperCss: Record<ReceiptPaper, string> = {
  // 58 mm paper prints about 48 mm; 80 mm about 72 mm.
  '58': '@page { size: 58mm auto; margin: 0 } body { width: 48mm; font: 8pt/1.3 monospace; padding: 2mm 0; margin: 0 5mm } .qr svg { width: 28mm } th { padding-right: 1mm }',
  '80': '@page { size: 80mm auto; margin: 0 } body { width: 72mm; font: 10pt/1.35 monospace; padding: 3mm 0; margin: 0 4mm } .qr svg { width: 34mm }',
  a4: '@page { size: A4; margin: 18mm } body { max-width: 170mm; font: 11pt/1.5 system-ui, sans-serif; margin: 0 auto } .qr svg { width: 36mm } h1 { font-size: 18pt }',
};

export async function renderReceiptHtml(receipt: Receipt, paper: ReceiptPaper, origin: string, timeZone: string): Promise<string> {
  const verifyUrl = `${origin}${receipt.verifyPath}`;
  const qr = await QRCode.toString(verifyUrl, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  const row = (label: string, value: string, money = false) => `<tr><th>${esc(label)}</th><td${money ? ' class="money"' : ''}>${esc(value)}</td></tr>`;
  const c = receipt.customer;
  const remaining = receipt.invoice.remaining > 0 ? row('Sisa tagihan', rupiah(receipt.invoice.remaining), true) : row('Status', 'LUNAS');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kuitansi ${esc(receipt.number)}</title>
<style>
* { box-sizing: border-box } body { margin: 0; color: #000; background: #fff; overflow-wrap: break-word }
.money, .amount { white-space: nowrap }
header { text-align: center; border-bottom: 1px dashed #000; padding-bottom: 2mm; margin-bottom: 2mm }
h1 { font-size: 1.15em; margin: 0 } .address { margin: 0 } .title { font-weight: bold; letter-spacing: .1em; margin-top: 1mm }
table { width: 100%; border-collapse: collapse } th { text-align: left; font-weight: normal; vertical-align: top; padding-right: 2mm; white-space: nowrap } td { text-align: right }
.amount { font-size: 1.3em; font-weight: bold; text-align: center; margin: 2mm 0 0 } .words { text-align: center; font-style: italic; margin: 0 0 2mm }
.qr { text-align: center; border-top: 1px dashed #000; padding-top: 2mm; margin-top: 2mm } .qr p { margin: 1mm 0 0; font-size: .8em }
.actions { text-align: center; margin: 4mm 0 } @media print { .actions { display: none } }
${paperCss[paper]}
</style></head>
<body class="paper-${paper}" data-receipt="${esc(receipt.number)}">
<header><h1>${esc(receipt.isp.name)}</h1>${receipt.isp.address ? `<p class="address">${esc(receipt.isp.address)}</p>` : ''}<div class="title">KUITANSI</div></header>
<table>
${row('No.', receipt.number)}
${row('Tanggal', when(receipt.issuedAt, timeZone))}
${row('Pelanggan', [c.code, c.name].filter(Boolean).join(' · ') || '-')}
${row('Tagihan', `${receipt.invoice.number} (${receipt.invoice.period})`)}
${row('Metode', methodLabel[receipt.method] ?? receipt.method)}
${row('Petugas', receipt.staffName ?? 'Sistem')}
</table>
<p class="amount">${esc(rupiah(receipt.amount))}</p>
<p class="words">${esc(receipt.amountInWords)}</p>
<table>${row('Total tagihan', rupiah(receipt.invoice.amount), true)}${remaining}</table>
<div class="qr">${qr}<p>Pindai untuk cek keaslian kuitansi</p></div>
<div class="actions"><button onclick="window.print()">Cetak</button>${receipt.whatsappUrl ? ` <a href="${esc(receipt.whatsappUrl + encodeURIComponent(verifyUrl))}">Kirim lewat WhatsApp</a>` : ''}</div>
</body></html>`;
}

/** The public page a receipt's QR code opens: valid or not, and nothing beyond what the paper shows. */
export function renderVerifyHtml(result: VerifiedReceipt, timeZone = 'Asia/Jakarta'): string {
  const body = result.valid
    ? `<h1>Kuitansi asli</h1><p>${esc(result.isp)}</p><p><b>${esc(result.number)}</b></p><p>${esc(rupiah(result.amount))}</p><p>${esc(when(result.issuedAt, timeZone))}</p>`
    : `<h1>Kuitansi tidak dikenal</h1><p>Nomor atau tanda tangan tautan tidak cocok. Kuitansi ini tidak diterbitkan oleh penyedia yang disebut.</p>`;
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Cek kuitansi</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;text-align:center}h1{font-size:1.4rem}</style></head>
<body data-valid="${result.valid}">${body}</body></html>`;
}
