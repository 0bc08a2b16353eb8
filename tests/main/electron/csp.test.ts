import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../main/electron/csp.js';

const directive = (csp: string, name: string) => csp.split('; ').find((part) => part.startsWith(`${name} `));

describe('contentSecurityPolicy', () => {
  it('allows only the app itself by default', () => {
    const csp = contentSecurityPolicy();
    expect(directive(csp, 'default-src')).toBe("default-src 'none'");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'frame-src')).toBe("frame-src 'none'");
    expect(directive(csp, 'style-src')).toBe("style-src 'self'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
  });

  it('adds the configured SIP WebSocket servers to connect-src only', () => {
    const csp = contentSecurityPolicy(['wss://sip.example.com', 'ws://127.0.0.1:8080']);
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' wss://sip.example.com ws://127.0.0.1:8080");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
  });

  it('drops sources that would widen the policy', () => {
    const csp = contentSecurityPolicy([
      'wss://sip.example.com; script-src *',
      "'unsafe-inline'",
      'https://tracker.example',
      '*',
      'wss://a.example/path',
    ]);
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
  });
});
