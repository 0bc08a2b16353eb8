import { describe, expect, it } from 'vitest';
import { createDoNotCallList, parseDoNotCallCsv } from '../../../../main/core/schedule/do-not-call.js';

describe('parseDoNotCallCsv', () => {
  it('takes every valid number, normalised to E.164, and skips headers and names', () => {
    const csv = '\uFEFFphone,name\n(312) 555-0100,Ann\n+1 702 555 0100,Bob\n312.555.0100,dup\n555,short\n"+44 20 7946 0000",UK\n';
    const result = parseDoNotCallCsv(csv, 'US');
    expect(result.numbers).toEqual(['+13125550100', '+17025550100', '+442079460000']);
    expect(result.rejected).toEqual([]);
  });

  it('reports cells that look like numbers but are not valid', () => {
    const result = parseDoNotCallCsv('number\n+1 000 000 0000\n', 'US');
    expect(result.numbers).toEqual([]);
    expect(result.rejected).toEqual([{ row: 2, value: '+1 000 000 0000', reason: 'not a valid phone number' }]);
  });

  it('builds a list that matches E.164 numbers', () => {
    const list = createDoNotCallList(parseDoNotCallCsv('3125550100', 'US').numbers);
    expect(list.has('+13125550100')).toBe(true);
    expect(list.has('+13125550101')).toBe(false);
    expect(list.size).toBe(1);
  });
});
