import type { TemplateLanguage } from './format.ts';
import type { NotificationKind } from './notification-kinds.ts';

/** What a tenant gets until it writes its own. Indonesian first; WhatsApp renders *bold*. */
export const defaultTemplates: Record<NotificationKind, Record<TemplateLanguage, string>> = {
  broadcast: {
    id: 'Yth. {{customer_name}},\n\n{{message}}\n\n{{tenant_name}}',
    en: 'Dear {{customer_name}},\n\n{{message}}\n\n{{tenant_name}}',
  },
  invoice_issued: {
    id: 'Yth. {{customer_name}},\n\nTagihan internet *{{invoice_number}}* sebesar *{{amount}}* sudah terbit dan jatuh tempo pada {{due_date}}. Bayar di {{payment_link}}\n\nTerima kasih,\n{{tenant_name}}',
    en: 'Dear {{customer_name}},\n\nYour internet invoice *{{invoice_number}}* for *{{amount}}* has been issued and is due on {{due_date}}. Pay at {{payment_link}}\n\nThank you,\n{{tenant_name}}',
  },
  invoice_unpaid_reminder: {
    id: 'Yth. {{customer_name}},\n\nTagihan internet *{{invoice_number}}* sebesar *{{amount}}* jatuh tempo pada {{due_date}} dan belum kami terima. Bayar di {{payment_link}}\n\nJika belum dibayar, layanan akan diisolir pada {{isolation_date}}.\n\nTerima kasih,\n{{tenant_name}}',
    en: 'Dear {{customer_name}},\n\nInternet invoice *{{invoice_number}}* for *{{amount}}* was due on {{due_date}} and is still unpaid. Pay at {{payment_link}}\n\nIf it stays unpaid, the service will be restricted on {{isolation_date}}.\n\nThank you,\n{{tenant_name}}',
  },
  customer_isolated: {
    id: 'Yth. {{customer_name}},\n\nLayanan internet Anda diisolir sejak {{isolation_date}} karena tagihan *{{invoice_number}}* sebesar *{{amount}}* belum dibayar. Layanan aktif kembali otomatis setelah pembayaran di {{payment_link}}\n\n{{tenant_name}}',
    en: 'Dear {{customer_name}},\n\nYour internet service has been restricted since {{isolation_date}} because invoice *{{invoice_number}}* for *{{amount}}* is unpaid. It is restored automatically once you pay at {{payment_link}}\n\n{{tenant_name}}',
  },
  customer_reconnected: {
    id: 'Yth. {{customer_name}},\n\nPembayaran *{{amount}}* untuk tagihan *{{invoice_number}}* telah kami terima. Layanan internet Anda aktif kembali. Terima kasih!\n\n{{tenant_name}}',
    en: 'Dear {{customer_name}},\n\nWe have received *{{amount}}* for invoice *{{invoice_number}}*. Your internet service is active again. Thank you!\n\n{{tenant_name}}',
  },
  collector_cash_collected: {
    id: '[{{tenant_name}}] Penagih *{{collector_name}}* menerima tunai *{{amount}}* dari {{customer_name}} untuk tagihan {{invoice_number}} pada {{collected_at}}.',
    en: '[{{tenant_name}}] Collector *{{collector_name}}* collected *{{amount}}* in cash from {{customer_name}} for invoice {{invoice_number}} at {{collected_at}}.',
  },
  collector_receipt: {
    id: 'Yth. {{customer_name}},\n\nTanda terima *{{receipt_number}}*: kami menerima tunai *{{amount}}* untuk tagihan {{invoice_number}} melalui penagih {{collector_name}} pada {{collected_at}}. Simpan pesan ini sebagai bukti.\n\nTerima kasih,\n{{tenant_name}}',
    en: 'Dear {{customer_name}},\n\nReceipt *{{receipt_number}}*: we received *{{amount}}* in cash for invoice {{invoice_number}} through collector {{collector_name}} at {{collected_at}}. Keep this message as your proof.\n\nThank you,\n{{tenant_name}}',
  },
  setoran_ready: {
    id: '[{{tenant_name}}] Setoran dari *{{collector_name}}* sebesar *{{amount}}* ({{invoice_count}} tagihan) sudah dikonfirmasi oleh {{confirmed_by}} dan siap disetor ke bank.',
    en: '[{{tenant_name}}] The cash handover from *{{collector_name}}* of *{{amount}}* ({{invoice_count}} invoices) was confirmed by {{confirmed_by}} and is ready to be banked.',
  },
  deposit_confirmed: {
    id: '[{{tenant_name}}] Setoran bank *{{amount}}* dari penagih {{collector_name}} ({{invoice_count}} tagihan) dikonfirmasi oleh {{confirmed_by}} pada {{deposit_date}}. Tagihan terkait kini lunas.',
    en: '[{{tenant_name}}] Bank deposit of *{{amount}}* from collector {{collector_name}} ({{invoice_count}} invoices) was confirmed by {{confirmed_by}} on {{deposit_date}}. The invoices are now paid.',
  },
  outage_staff: {
    id: '[{{tenant_name}}] ⚠️ Gangguan {{outage_level}} di *{{outage_area}}* sejak {{started_at}}. {{affected_customers}} pelanggan terdampak.',
    en: '[{{tenant_name}}] ⚠️ {{outage_level}} outage at *{{outage_area}}* since {{started_at}}. {{affected_customers}} customers affected.',
  },
  outage_customer: {
    id: 'Yth. {{customer_name}},\n\nSaat ini terjadi gangguan jaringan di area {{outage_area}} sejak {{started_at}}. Teknisi kami sedang menanganinya. Mohon maaf atas ketidaknyamanannya.\n\n{{tenant_name}}',
    en: 'Dear {{customer_name}},\n\nThere is a network outage in the {{outage_area}} area since {{started_at}}. Our technicians are working on it. We apologise for the inconvenience.\n\n{{tenant_name}}',
  },
  outage_cleared_staff: {
    id: '[{{tenant_name}}] ✅ Gangguan {{outage_level}} di *{{outage_area}}* sudah pulih pada {{cleared_at}} ({{affected_customers}} pelanggan).',
    en: '[{{tenant_name}}] ✅ {{outage_level}} outage at *{{outage_area}}* was cleared at {{cleared_at}} ({{affected_customers}} customers).',
  },
  outage_cleared_customer: {
    id: 'Yth. {{customer_name}},\n\nGangguan jaringan di area {{outage_area}} sudah pulih sejak {{cleared_at}}. Jika internet Anda belum normal, silakan matikan dan nyalakan kembali modem Anda.\n\n{{tenant_name}}',
    en: 'Dear {{customer_name}},\n\nThe network outage in the {{outage_area}} area was cleared at {{cleared_at}}. If your internet is not back yet, please restart your modem.\n\n{{tenant_name}}',
  },
  technician_update: {
    id: '[{{tenant_name}}] Teknisi *{{technician_name}}* melaporkan ({{logged_at}}): {{activity_summary}}',
    en: '[{{tenant_name}}] Technician *{{technician_name}}* reported ({{logged_at}}): {{activity_summary}}',
  },
  addon_invoice_created: {
    id: '[{{tenant_name}}] Tagihan add-on *{{addon_name}}* ({{invoice_number}}) sebesar *{{amount}}* jatuh tempo {{due_date}}. Bayar di {{payment_link}}',
    en: '[{{tenant_name}}] Add-on invoice *{{addon_name}}* ({{invoice_number}}) for *{{amount}}* is due on {{due_date}}. Pay at {{payment_link}}',
  },
  saas_invoice_reminder: {
    id: '[{{tenant_name}}] Tagihan langganan Simpul {{invoice_number}} sebesar *{{amount}}* jatuh tempo {{due_date}}. Bayar di {{payment_link}} agar konsol tidak terkunci.',
    en: '[{{tenant_name}}] Simpul subscription invoice {{invoice_number}} for *{{amount}}* is due on {{due_date}}. Pay at {{payment_link}} so the console does not lock.',
  },
  addon_activated: {
    id: '[{{tenant_name}}] Add-on *{{addon_name}}* sudah aktif sejak {{activation_date}}.',
    en: '[{{tenant_name}}] Add-on *{{addon_name}}* has been active since {{activation_date}}.',
  },
  limit_warning: {
    id: '[{{tenant_name}}] Pemakaian {{limit_label}} sudah {{limit_used}} dari batas {{limit_max}} langganan Anda. Tambah kuota lewat menu Langganan → Add-on sebelum penuh.',
    en: '[{{tenant_name}}] You are using {{limit_used}} of your {{limit_max}} {{limit_label}}. Raise the limit in Subscription → Add-ons before it is full.',
  },
  router_error: {
    id: '[{{tenant_name}}] ❗ Router *{{router_name}}* bermasalah pada {{occurred_at}}: {{error_message}}',
    en: '[{{tenant_name}}] ❗ Router *{{router_name}}* reported an error at {{occurred_at}}: {{error_message}}',
  },
  router_recovered: {
    id: '[{{tenant_name}}] ✅ Router *{{router_name}}* kembali normal pada {{occurred_at}}.',
    en: '[{{tenant_name}}] ✅ Router *{{router_name}}* is working again since {{occurred_at}}.',
  },
  portal_otp: {
    id: '{{otp_code}} adalah kode masuk portal pelanggan {{tenant_name}}. Berlaku {{valid_minutes}} menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.',
    en: '{{otp_code}} is your {{tenant_name}} customer portal code. Valid for {{valid_minutes}} minutes. Never share this code with anyone, staff included.',
  },
  portal_complaint: {
    id: '[{{tenant_name}}] 📣 Keluhan pelanggan *{{customer_name}}* ({{customer_code}}) pada {{occurred_at}}: {{complaint_text}}',
    en: '[{{tenant_name}}] 📣 Complaint from *{{customer_name}}* ({{customer_code}}) at {{occurred_at}}: {{complaint_text}}',
  },
  provider_test: {
    id: 'Pesan uji dari {{tenant_name}}: notifikasi WhatsApp sudah tersambung.',
    en: 'Test message from {{tenant_name}}: WhatsApp notifications are connected.',
  },
};
