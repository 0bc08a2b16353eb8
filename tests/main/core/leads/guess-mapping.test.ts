import { describe, expect, it } from 'vitest';
import { guessMapping, MAX_GUESSED_HEADER_CHARS } from '../../../../main/core/leads/guess-mapping.js';

describe('guessMapping', () => {
  it('recognises common CRM spellings and keeps every phone column in file order', () => {
    const headers = ['Lead ID', 'First Name', 'Last Name', 'Account Name', 'Email Address', 'Work Phone', 'Mobile', 'Fax', 'Time Zone', 'Referred By', 'Description'];
    expect(guessMapping(headers)).toEqual({
      firstName: 1,
      lastName: 2,
      fullName: null,
      company: 3,
      email: 4,
      phones: [5, 6],
      extension: null,
      timeZone: 8,
      referrer: 9,
      reason: null,
      notes: 10,
      doNotCall: null,
      state: null,
      country: null,
    });
  });

  it('maps the address columns CRMs export as State/Province and Country, and never takes them for phones', () => {
    expect(guessMapping(['Name', 'Phone', 'Mailing State/Province', 'Mailing Country'])).toMatchObject({ phones: [1], state: 2, country: 3 });
    expect(guessMapping(['Person - Name', 'Person - Phone', 'Person - State', 'Person - Country'])).toMatchObject({ phones: [1], state: 2, country: 3 });
    expect(guessMapping(['Full Name', 'Phone Number', 'Province', 'Country Code'])).toMatchObject({ phones: [1], state: 2, country: null });
  });

  it('falls back to a single name column', () => {
    const mapping = guessMapping(['Contact Name', 'Organisation', 'Phone Number', 'Ext.']);
    expect(mapping).toMatchObject({ firstName: null, lastName: null, fullName: 0, company: 1, phones: [2], extension: 3 });
  });

  it(`guesses nothing from a header over ${MAX_GUESSED_HEADER_CHARS} characters: the rep maps it`, () => {
    const padded = `Mobile Phone${' '.repeat(MAX_GUESSED_HEADER_CHARS)}`;
    expect(guessMapping(['First Name', 'Phone', padded])).toMatchObject({ firstName: 0, phones: [1] });
    expect(guessMapping([`First Name${' '.repeat(MAX_GUESSED_HEADER_CHARS)}`, 'Phone'])).toMatchObject({ firstName: null, phones: [1] });
    const atTheCap = `Mobile Phone${' '.repeat(MAX_GUESSED_HEADER_CHARS - 'Mobile Phone'.length)}`;
    expect(guessMapping(['Phone', atTheCap]).phones).toEqual([0, 1]);
  });

  it('gets through a 256 KB header row of whitespace runs and separators (it took about a minute and blocked main)', () => {
    // Long runs of whitespace before the separators readHeader splits on: quadratic backtracking before the cap.
    const hostile = Array.from({ length: 4 }, () => `a${' '.repeat(64 * 1024)}.`);
    expect(guessMapping(['First Name', 'Phone', ...hostile])).toMatchObject({ firstName: 0, phones: [1] });
  });
});
