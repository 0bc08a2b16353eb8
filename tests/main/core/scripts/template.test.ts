import { describe, expect, it } from 'vitest';
import { splitGaps } from '../../../../shared/script-gaps.js';
import { missingValueWarnings, renderTemplate, validateTemplate } from '../../../../main/core/scripts/template.js';
import { buildScriptValues, speakablePhone } from '../../../../main/core/scripts/script-values.js';

describe('validateTemplate', () => {
  it('accepts known variables with and without fallbacks', () => {
    expect(validateTemplate('Hi {first_name|there}, {rep_name} here, {callback_number}.')).toEqual({ ok: true });
  });

  it('rejects unknown variables and broken braces when saving', () => {
    const result = validateTemplate('Hi {firstname}, call {callback_number');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^Unknown variable \{firstname\}; use one of \{first_name\}/);
    expect(!result.ok && result.errors[1]).toMatch(/^Unclosed "\{" at character 22/);
    expect(validateTemplate('oops }').ok).toBe(false);
    expect(validateTemplate('  ').ok).toBe(false);
  });
});

describe('renderTemplate', () => {
  it('fills values, uses fallbacks for blanks and reports what is missing', () => {
    const rendered = renderTemplate('Hi {first_name}, {referrer|a colleague} said {reason} matters. {{literal}}', {
      first_name: 'Ann',
      referrer: '  ',
    });
    expect(rendered).toEqual({ text: 'Hi Ann, a colleague said [the reason to call: not set] matters. {literal}', missing: ['reason'] });
    expect(missingValueWarnings(rendered.missing)).toEqual([
      'This lead has no reason; the script marks {reason} as not set (add a fallback such as {reason|…})',
    ]);
  });

  it('never leaves a gap: every variable with no value is marked, however blank its value', () => {
    const template = "Hi {first_name}, it's {rep_name} from {rep_company}. Call {callback_number}. That's {rep_name}, {callback_number}.";
    for (const blank of [{}, { rep_name: '', rep_company: ' ', callback_number: '\t', first_name: '\u00a0' }]) {
      const { text, missing } = renderTemplate(template, blank);
      expect(text).toBe(
        "Hi [their first name: not set], it's [your name: not set] from [your company: not set]. Call [your callback number: not set]. " +
          "That's [your name: not set], [your callback number: not set].",
      );
      expect(missing).toEqual(['first_name', 'rep_name', 'rep_company', 'callback_number']);
      expect(splitGaps(text).filter((piece) => piece.kind === 'gap').map((piece) => piece.text)).toHaveLength(6);
      expect(splitGaps(text).map((piece) => piece.text).join('')).toBe(text);
    }
    expect(missingValueWarnings(['rep_name'])).toEqual([
      'Your name is not set (Settings), so the script marks {rep_name} as not set and a played voicemail is refused.',
    ]);
  });

  it('refuses to render an invalid template', () => {
    expect(() => renderTemplate('{nope}', {})).toThrow(/Unknown variable/);
  });
});

describe('buildScriptValues', () => {
  it('speaks the next attempt and deadline in the lead’s local time', () => {
    const values = buildScriptValues({
      lead: { firstName: 'Ann', lastName: 'Lee', company: 'Acme', referrer: '', reason: 'your hiring plans' },
      settings: { repName: 'Sam Rivera', repCompany: 'Dialdesk', callbackNumber: '+13125550100' },
      leadZone: 'America/Los_Angeles',
      nextAttempt: Date.parse('2025-03-13T15:15:00Z'),
      deadline: Date.parse('2025-03-14T20:00:00Z'),
      now: Date.parse('2025-03-12T19:00:00Z'),
    });
    expect(values).toMatchObject({ next_attempt: 'tomorrow at 8:15', deadline: 'Friday', callback_number: '312-555-0100', referrer: '' });
  });

  it('groups North American numbers and leaves others as written', () => {
    expect(speakablePhone('(312) 555-0100')).toBe('312-555-0100');
    expect(speakablePhone('+44 20 7946 0000')).toBe('+44 20 7946 0000');
  });
});
