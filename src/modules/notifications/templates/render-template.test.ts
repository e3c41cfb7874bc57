import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import { defaultTemplates } from './default-templates.ts';
import { notificationKindNames, sampleValues } from './notification-kinds.ts';
import { placeholdersIn, renderTemplate, validateTemplate } from './render-template.ts';

const thrown = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError');
};

describe('validateTemplate', () => {
  it('accepts a text that uses only the variables of its notification', () => {
    expect(() => validateTemplate('Halo {{ customer_name }}, tagihan {{invoice_number}}: {{amount}}', 'invoice_unpaid_reminder')).not.toThrow();
  });

  it('names every unknown variable and lists the available ones', () => {
    const error = thrown(() => validateTemplate('Halo {{nama}}, {{amount}} {{router_name}} {{nama}}', 'invoice_unpaid_reminder'));

    expect(error).toMatchObject({ code: 'TEMPLATE_UNKNOWN_VARIABLE', httpStatus: 400, details: { unknown: ['nama', 'router_name'] } });
    expect(error.message).toContain('{{nama}}, {{router_name}}');
    expect(error.message).toContain('{{customer_name}}');
  });

  it('treats a variable of another notification as unknown', () => {
    expect(thrown(() => validateTemplate('{{payment_link}}', 'router_error')).code).toBe('TEMPLATE_UNKNOWN_VARIABLE');
  });

  it('rejects half-open braces, empty texts and texts over WhatsApp\'s limit', () => {
    expect(thrown(() => validateTemplate('Halo {{customer_name', 'customer_isolated')).message).toContain('unclosed');
    expect(thrown(() => validateTemplate('   ', 'customer_isolated')).code).toBe('VALIDATION_FAILED');
    expect(thrown(() => validateTemplate('x'.repeat(4097), 'customer_isolated')).message).toContain('4096');
  });

  it('flags a variable written with a space or capitals', () => {
    expect(thrown(() => validateTemplate('{{customer name}} {{Amount}}', 'customer_isolated')).details).toMatchObject({
      unknown: ['customer name', 'Amount'],
    });
  });
});

describe('renderTemplate', () => {
  it('formats money as rupiah and dates on the tenant\'s local day', () => {
    const text = renderTemplate(
      '{{customer_name}}: {{amount}} jatuh tempo {{due_date}}',
      // 17:30 UTC on 9 Dec is already 10 Dec in Jakarta.
      { customer_name: 'Budi', amount: 150_000, due_date: new Date('2026-12-09T17:30:00Z') },
      { timeZone: 'Asia/Jakarta', language: 'id' },
    );

    expect(text).toBe('Budi: Rp 150.000 jatuh tempo 10 Desember 2026');
  });

  it('writes dates in English for English templates', () => {
    expect(renderTemplate('{{due_date}}', { due_date: new Date('2026-12-10T05:00:00Z') }, { timeZone: 'Asia/Jayapura', language: 'en' })).toBe('10 December 2026');
  });

  it('refuses to send a message with a hole in it', () => {
    const error = thrown(() => renderTemplate('Halo {{customer_name}}', {}, { timeZone: 'Asia/Jakarta', language: 'id' }));

    expect(error).toMatchObject({ code: 'TEMPLATE_VARIABLE_MISSING', details: { variable: 'customer_name' } });
  });
});

describe('default templates', () => {
  it.each(notificationKindNames)('%s has valid Indonesian and English texts that render from sample values', (kind) => {
    for (const language of ['id', 'en'] as const) {
      const text = defaultTemplates[kind][language];
      validateTemplate(text, kind);
      const rendered = renderTemplate(text, sampleValues(kind), { timeZone: 'Asia/Makassar', language });
      expect(rendered).not.toContain('{{');
    }
  });

  it('uses the same variables in both languages', () => {
    for (const kind of notificationKindNames) {
      expect(placeholdersIn(defaultTemplates[kind].en).sort()).toEqual(placeholdersIn(defaultTemplates[kind].id).sort());
    }
  });

  it('renders the unpaid reminder the way a customer reads it', () => {
    const text = renderTemplate(defaultTemplates.invoice_unpaid_reminder.id, sampleValues('invoice_unpaid_reminder'), { timeZone: 'Asia/Jakarta', language: 'id' });

    expect(text).toContain('*INV-2026-12-0042* sebesar *Rp 150.000* jatuh tempo pada 10 Desember 2026');
    expect(text).toContain('diisolir pada 15 Desember 2026');
  });
});
