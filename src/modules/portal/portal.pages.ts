import { createHash } from 'node:crypto';
import { dateTimeFormat, numberFormat } from '../../platform/formatters.ts';
import type { LineStatus, PortalInvoice } from './portal.model.ts';
import type { CustomerView } from './use-cases/customer-view.ts';
import type { Receipt } from './use-cases/receipts.ts';

/*
 * The portal's pages, rendered on the server as small HTML (a few kB, no script bundle, no web
 * fonts): they load on a weak connection and on the 1 Mbps an isolated line gets, and work
 * without JavaScript except the live restore status (a dozen lines of EventSource).
 * Indonesian: the customers' language. Every value goes through `h` (HTML-escaped).
 */

export const h = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// Shared formatters (platform/formatters.ts): one per shape and zone, not one per render.
const rupiah = (amount: number) => `Rp ${numberFormat('id-ID').format(amount)}`;
const day = (iso: string) => dateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const month = (iso: string) => dateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const moment = (at: Date | null, timeZone: string) => (at ? dateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at)) : '');

const style = `*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f5f7}
main{max-width:30rem;margin:0 auto;padding:1rem}header{background:#0b6e4f;color:#fff;padding:.75rem 1rem}header b{display:block;max-width:30rem;margin:0 auto}
h1{font-size:1.3rem;margin:.5rem 0 1rem}h2{font-size:1.05rem;margin:1.25rem 0 .5rem}.card{background:#fff;border-radius:.6rem;padding:1rem;margin:0 0 .75rem;box-shadow:0 1px 2px #0002}.card>p:first-child{margin-top:0}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}input,select,textarea{width:100%;font:inherit;padding:.65rem;border:1px solid #b8c0c8;border-radius:.45rem;background:#fff}
button,.button{display:block;width:100%;margin:.75rem 0 0;padding:.8rem;font:inherit;font-weight:700;border:0;border-radius:.45rem;background:#0b6e4f;color:#fff;text-align:center;text-decoration:none;cursor:pointer}
.secondary{background:#e6ebef;color:#1b1f24}.error{background:#fde8e8;color:#8a1c1c;padding:.75rem;border-radius:.45rem}.notice{background:#e7f5ee;color:#0b5139;padding:.75rem;border-radius:.45rem}
.warn{background:#fff4e0;color:#7a4b00;padding:.75rem;border-radius:.45rem}.amount{font-size:1.6rem;font-weight:800}.muted{color:#5b6670;font-size:.9rem}
.row{display:flex;justify-content:space-between;gap:.5rem;flex-wrap:wrap}.row>*{min-width:0;overflow-wrap:anywhere}ol{padding-left:1.2rem}li.done{color:#0b6e4f;font-weight:700}
@media print{header,form,.noprint{display:none}body{background:#fff}.card{box-shadow:none}}`;

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The Content-Security-Policy of a page: nothing from elsewhere, its own inline style, and only
 * the exact inline script it was rendered with (by hash), so an injected script would not run.
 */
export const contentSecurityPolicy = (page: string) => {
  const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => hashOf(m[1]));
  const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hashOf(m[1]));
  return [
    "default-src 'none'",
    `style-src ${styles.join(' ') || "'none'"}`,
    `script-src ${scripts.join(' ') || "'none'"}`,
    "connect-src 'self'",
    "img-src 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
};

export function layout(input: { title: string; tenantName: string; body: string; script?: string }) {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${h(input.title)} · ${h(input.tenantName)}</title><style>${style}</style></head>
<body><header><b>${h(input.tenantName)}</b></header><main>${input.body}</main>${input.script ? `<script>${input.script}</script>` : ''}</body></html>`;
}

const errorBox = (message?: string) => (message ? `<p class="error" role="alert">${h(message)}</p>` : '');

export function identifyPage(input: { tenantName: string; base: string; error?: string; identifier?: string; intro?: string }) {
  return layout({
    title: 'Cek tagihan',
    tenantName: input.tenantName,
    body: `<h1>Cek tagihan &amp; bayar</h1>${input.intro ? `<p class="warn">${h(input.intro)}</p>` : ''}${errorBox(input.error)}
<form class="card" method="post" action="${h(input.base)}/code">
<label for="identifier">Nomor WhatsApp atau kode pelanggan</label>
<input id="identifier" name="identifier" inputmode="text" autocomplete="tel" required maxlength="40" value="${h(input.identifier)}" placeholder="0812-3456-7890 atau C00042">
<button type="submit">Kirim kode ke WhatsApp</button></form>
<p class="muted">Kami mengirim kode 6 angka ke nomor WhatsApp yang terdaftar.</p>`,
  });
}

export function codePage(input: { tenantName: string; base: string; identifier: string; validMinutes: number; error?: string }) {
  return layout({
    title: 'Masukkan kode',
    tenantName: input.tenantName,
    body: `<h1>Masukkan kode</h1><p class="notice" data-testid="code-sent">Jika nomor atau kode pelanggan itu terdaftar, kode 6 angka sudah dikirim lewat WhatsApp. Kode berlaku ${h(input.validMinutes)} menit.</p>${errorBox(input.error)}
<form class="card" method="post" action="${h(input.base)}/login">
<input type="hidden" name="identifier" value="${h(input.identifier)}">
<label for="code">Kode dari WhatsApp</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required placeholder="123456">
<button type="submit">Masuk</button></form>
<form method="post" action="${h(input.base)}/code"><input type="hidden" name="identifier" value="${h(input.identifier)}"><button class="secondary" type="submit">Kirim ulang kode</button></form>`,
  });
}

const statusText: Record<LineStatus, string> = {
  isolated: 'Layanan Anda sedang diisolir.',
  restoring: 'Pembayaran diterima. Layanan sedang dipulihkan…',
  reconnecting: 'Layanan dipulihkan. Router sedang menyambungkan kembali…',
  active: 'Layanan aktif.',
};

/** The restore progress: three steps, flipped live by the status stream. */
function progress(line: LineStatus) {
  const paid = line !== 'isolated';
  const restored = line === 'reconnecting' || line === 'active';
  const active = line === 'active';
  return `<div class="card" data-testid="line-status" data-line="${line}"><b id="line-text">${h(statusText[line])}</b>
<ol><li id="step-paid" class="${paid ? 'done' : ''}">Tagihan dibayar</li><li id="step-restoring" class="${restored ? 'done' : ''}">Layanan dipulihkan</li>
<li id="step-active" class="${active ? 'done' : ''}">Internet aktif kembali</li></ol>
<p class="muted" id="line-hint">${active ? '' : 'Halaman ini berubah sendiri setelah pembayaran; tidak perlu dimuat ulang.'}</p></div>`;
}

/** Follows GET <base>/status (server-sent events) and updates the progress without a reload. */
const statusScript = (base: string) => `(function(){if(!window.EventSource)return;var box=document.querySelector('[data-testid=line-status]');if(!box)return;
var texts=${JSON.stringify(statusText)};var es=new EventSource(${JSON.stringify(`${base}/status`)});
es.addEventListener('status',function(e){var s=JSON.parse(e.data);box.setAttribute('data-line',s.line);document.getElementById('line-text').textContent=texts[s.line];
var paid=s.line!=='isolated',restored=s.line==='reconnecting'||s.line==='active';document.getElementById('step-paid').className=paid?'done':'';
document.getElementById('step-restoring').className=restored?'done':'';
document.getElementById('step-active').className=s.line==='active'?'done':'';
var cards=document.querySelectorAll('[data-unpaid]');for(var i=0;i<cards.length;i++){var ids=cards[i].getAttribute('data-unpaid').split(' '),left=false;
for(var j=0;j<ids.length;j++)if(s.unpaid.indexOf(ids[j])>=0)left=true;if(!left)cards[i].remove();}
var list=document.getElementById('unpaid');if(list&&s.unpaid.length===0)list.innerHTML='<p class="notice">Tidak ada tagihan. Terima kasih!</p>';
if(s.line==='active'){document.getElementById('line-hint').textContent='Jika internet belum jalan, matikan lalu nyalakan lagi router/modem Anda.';es.close();}});})();`;

const invoiceCard = (base: string, invoice: PortalInvoice, canPay: boolean) => `<div class="card" data-unpaid="${h(invoice.id)}" data-invoice="${h(invoice.number)}">
<div class="row"><b>${h(month(invoice.period))}</b><span class="muted">${h(invoice.number)}</span></div>
<div class="amount">${h(rupiah(invoice.amount))}</div><div class="muted">Jatuh tempo ${h(day(invoice.dueDate))}</div>
${canPay ? `<form method="post" action="${h(base)}/invoices/${h(invoice.id)}/pay" target="_blank"><button type="submit">Bayar sekarang</button></form>` : ''}</div>`;

export function dashboardPage(input: { view: CustomerView; base: string; timeZone: string; notice?: string; error?: string; canPay: boolean }) {
  const { view, base } = input;
  const paidRows = view.paid
    .map(
      (i) => `<div class="row card"><span>${h(month(i.period))}<br><span class="muted">${h(rupiah(i.amount))} · ${i.status === 'paid' ? 'Lunas' : 'Diterima penagih'}</span></span>
<a class="muted" href="${h(base)}/invoices/${h(i.id)}/receipt">Kuitansi</a></div>`,
    )
    .join('');
  return layout({
    title: 'Tagihan saya',
    tenantName: view.tenantName,
    body: `<h1>Halo, ${h(view.customer.name)}</h1><p class="muted">Kode pelanggan ${h(view.customer.code)}</p>
${input.notice ? `<p class="notice" role="status">${h(input.notice)}</p>` : ''}${errorBox(input.error)}
${view.outage ? `<p class="warn" data-testid="outage">Ada gangguan jaringan di ${h(view.outage.area)} sejak ${h(moment(view.outage.startedAt, input.timeZone))}. Teknisi kami sedang menanganinya.</p>` : ''}
${view.line === 'active' && view.unpaid.length === 0 ? '' : progress(view.line)}
<h2>Tagihan belum dibayar</h2><div id="unpaid">${view.unpaid.length ? view.unpaid.map((i) => invoiceCard(base, i, input.canPay)).join('') : '<p class="notice">Tidak ada tagihan. Terima kasih!</p>'}
${!input.canPay && view.unpaid.length ? '<p class="muted">Pembayaran online belum tersedia; silakan bayar di kantor kami.</p>' : ''}</div>
${paidRows ? `<h2>Riwayat pembayaran</h2>${paidRows}` : ''}
<h2>Lapor gangguan</h2><form class="card" method="post" action="${h(base)}/complaints">
<label for="kind">Masalah</label><select id="kind" name="kind"><option value="no_internet">Internet mati</option><option value="slow">Internet lambat</option><option value="other">Lainnya</option></select>
<label for="message">Keterangan (boleh kosong)</label><textarea id="message" name="message" rows="2" maxlength="500"></textarea>
<button type="submit">Kirim laporan</button></form>
<form method="post" action="${h(base)}/logout"><button class="secondary" type="submit">Keluar</button></form>`,
    script: view.line === 'active' && view.unpaid.length === 0 ? undefined : statusScript(base),
  });
}

export function isolirPage(input: { view: CustomerView; base: string; canPay: boolean }) {
  const { view, base } = input;
  const numbers = view.unpaid.map((i) => i.number).join(', ');
  const isolated = view.line !== 'active';
  return layout({
    title: 'Layanan diisolir',
    tenantName: view.tenantName,
    body: `<h1>${isolated ? 'Layanan internet Anda diisolir' : 'Layanan internet Anda aktif'}</h1>
<p class="muted" data-testid="isolir-customer">Pelanggan ${h(view.customer.name)} · ${h(view.customer.code)}</p>
${isolated && view.unpaid.length ? `<div class="card" data-unpaid="${h(view.unpaid.map((i) => i.id).join(' '))}" data-bill><p data-testid="isolir-reason">Layanan Anda diisolir karena tagihan ${h(numbers)} belum dibayar.</p>
<div class="amount">${h(rupiah(view.unpaidTotal))}</div>
${input.canPay ? `<form method="post" action="${h(base)}/isolir/pay" target="_blank"><button type="submit">Bayar sekarang</button></form>` : '<p class="muted">Silakan bayar di kantor kami.</p>'}</div>` : ''}
${view.line === 'isolated' && !view.unpaid.length ? '<p class="card">Tidak ada tagihan terbuka. Silakan hubungi kantor kami.</p>' : ''}
${progress(view.line)}
<a class="button secondary" href="${h(base)}">Lihat semua tagihan</a>`,
    script: statusScript(base),
  });
}

export function receiptPage(input: { receipt: Receipt; timeZone: string }) {
  const { receipt } = input;
  return layout({
    title: `Kuitansi ${receipt.invoice.number}`,
    tenantName: receipt.tenantName,
    body: `<h1>Kuitansi pembayaran</h1><div class="card">
<div class="row"><span>Nomor tagihan</span><b>${h(receipt.invoice.number)}</b></div>
<div class="row"><span>Pelanggan</span><b>${h(receipt.customer.name)} (${h(receipt.customer.code)})</b></div>
<div class="row"><span>Periode</span><b>${h(month(receipt.invoice.period))}</b></div>
<div class="row"><span>Keterangan</span><span>${h(receipt.invoice.description)}</span></div>
<div class="row"><span>Dibayar</span><b>${h(moment(receipt.invoice.paidAt, input.timeZone) || 'Diterima penagih')}</b></div>
<div class="row"><span>Jumlah</span><span class="amount">${h(rupiah(receipt.invoice.amount))}</span></div>
<p class="notice">${receipt.invoice.status === 'paid' ? 'LUNAS' : 'Diterima penagih, menunggu setoran'}</p></div>
<button class="noprint" type="button" id="print">Cetak</button>`,
    script: "document.getElementById('print').addEventListener('click',function(){window.print()});",
  });
}

export function messagePage(input: { tenantName: string; title: string; message: string; back?: string }) {
  return layout({
    title: input.title,
    tenantName: input.tenantName,
    body: `<h1>${h(input.title)}</h1><p class="card">${h(input.message)}</p>${input.back ? `<a class="button secondary" href="${h(input.back)}">Kembali</a>` : ''}`,
  });
}
