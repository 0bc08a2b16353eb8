import { describe, expect, it } from 'vitest';
import { SCRIPT_VARIABLES } from '../../../shared/schedule.js';
import { insertAt, VARIABLE_HELP } from '../../../renderer/scripts/variables.js';

describe('script editor variables', () => {
  it('documents every variable the core accepts, once', () => {
    expect(VARIABLE_HELP.map((v) => v.name).sort()).toEqual([...SCRIPT_VARIABLES].sort());
  });

  it('inserts in place of the selection and puts the caret after it', () => {
    expect(insertAt('Hi , call me', 3, 3, '{first_name}')).toEqual({ value: 'Hi {first_name}, call me', caret: 15 });
    expect(insertAt('Hi NAME!', 3, 7, '{first_name}')).toEqual({ value: 'Hi {first_name}!', caret: 15 });
    expect(insertAt('abc', 10, 12, '{x}')).toEqual({ value: 'abc{x}', caret: 6 });
  });
});
