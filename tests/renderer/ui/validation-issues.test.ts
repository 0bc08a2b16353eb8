import { describe, expect, it } from 'vitest';
import { describeIssue, issuesByField } from '../../../renderer/ui/validation-issues.js';

describe('validation issues', () => {
  it('files each issue under the field its path names, in order, and keeps the rest for the summary', () => {
    const fieldOf = (path: readonly string[]) => (path[0] === 'name' || path[0] === 'hours' ? path[0] : undefined);
    const { fields, general } = issuesByField(
      [
        { path: ['hours', 'start'], message: 'expected HH:MM' },
        { path: ['name'], message: 'required' },
        { path: ['hours'], message: 'must end after it starts' },
        { path: ['other', '3'], message: 'unknown' },
      ],
      fieldOf,
    );
    expect(fields).toEqual({ hours: ['expected HH:MM', 'must end after it starts'], name: ['required'] });
    expect(general).toEqual([{ path: ['other', '3'], message: 'unknown' }]);
    expect(issuesByField(undefined, fieldOf)).toEqual({ fields: {}, general: [] });
  });

  it('reads an issue no field shows as "path: message", or the message alone for the whole input', () => {
    expect(describeIssue({ path: ['schedule', 'bands', '1', 'end'], message: 'expected HH:MM' })).toBe('schedule.bands.1.end: expected HH:MM');
    expect(describeIssue({ path: [], message: 'unknown variable {x}' })).toBe('unknown variable {x}');
  });
});
