import { describe, expect, it } from 'vitest';
import { decideDevice } from '../../../renderer/media/device-fallback.js';

describe('decideDevice', () => {
  it('falls back to the default when the device in use disappears', () => {
    expect(decideDevice({ kind: 'microphone', chosenId: 'headset', currentId: 'headset', present: ['laptop'] })).toEqual({
      action: 'fall-back',
      notice: "Your microphone was unplugged; the call goes on with the system's default microphone.",
    });
    expect(decideDevice({ kind: 'speaker', chosenId: 'headset', currentId: 'headset', present: [] }).action).toBe('fall-back');
  });

  it('offers the chosen device back once it returns, and only then', () => {
    expect(decideDevice({ kind: 'microphone', chosenId: 'headset', currentId: '', present: ['laptop'] })).toEqual({ action: 'keep' });
    expect(decideDevice({ kind: 'microphone', chosenId: 'headset', currentId: '', present: ['laptop', 'headset'], chosenLabel: 'Jabra Evolve' })).toEqual({
      action: 'offer-return',
      deviceId: 'headset',
      notice: 'Jabra Evolve is back.',
    });
  });

  it('keeps what works: the device in use still present, or the default chosen', () => {
    expect(decideDevice({ kind: 'microphone', chosenId: 'headset', currentId: 'headset', present: ['headset'] })).toEqual({ action: 'keep' });
    expect(decideDevice({ kind: 'speaker', chosenId: '', currentId: '', present: [] })).toEqual({ action: 'keep' });
  });
});
