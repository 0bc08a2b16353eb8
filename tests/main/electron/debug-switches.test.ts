import { describe, expect, it } from 'vitest';
import { debugSwitchIn } from '../../../main/electron/debug-switches.js';

describe('debugSwitchIn', () => {
  it('finds remote debugging and the Node inspector, with or without a value', () => {
    expect(debugSwitchIn(['/opt/Dialdesk/dialdesk', '--remote-debugging-port=9222'])).toBe('--remote-debugging-port');
    expect(debugSwitchIn(['dialdesk', '--remote-debugging-pipe'])).toBe('--remote-debugging-pipe');
    expect(debugSwitchIn(['dialdesk', '--inspect'])).toBe('--inspect');
    expect(debugSwitchIn(['dialdesk', '--inspect-brk=9229'])).toBe('--inspect-brk');
    expect(debugSwitchIn(['dialdesk', '--data-dir', '/x', '--inspect-port=0'])).toBe('--inspect-port');
  });

  it('leaves every other argument alone, and what follows --', () => {
    expect(debugSwitchIn(['dialdesk', '--data-dir', '/home/rep/--inspect', '--no-sandbox-not-really'])).toBeNull();
    expect(debugSwitchIn(['dialdesk', '--', '--inspect'])).toBeNull();
    expect(debugSwitchIn(['dialdesk', '--inspector'])).toBeNull();
  });
});
