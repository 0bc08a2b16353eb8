import type { CallView } from '../../../shared/sip.js';
import { ApiFailure } from '../api/api-failure.js';
import type { SipAccounts } from './account-store.js';
import type { CallEntry, CallRegistry } from './call-registry.js';

const DTMF_DURATION_MS = 160;
const DTMF_GAP_MS = 80;

/** What the rep can do on a connected call: mute, hold (re-INVITE) and DTMF (RFC 4733 or SIP INFO). */
export class InCallControls {
  constructor(
    private readonly accounts: SipAccounts,
    private readonly calls: CallRegistry,
  ) {}

  async setMute(callId: string, muted: boolean): Promise<CallView> {
    const entry = this.connectedEntry(callId);
    if (!entry.bridge) throw new ApiFailure('conflict', 'The call has no media yet.');
    await entry.bridge.setMute(muted);
    entry.view.muted = muted;
    this.calls.emit(entry, entry.view.status);
    return { ...entry.view };
  }

  async setHold(callId: string, held: boolean): Promise<CallView> {
    const entry = this.connectedEntry(callId);
    if (entry.view.held === held) return { ...entry.view };
    if (entry.holdPending) throw new ApiFailure('conflict', 'A hold change is already in progress.');
    entry.holdPending = true;
    try {
      const accepted = await new Promise<boolean>((resolve, reject) => {
        entry.session
          .invite({
            sessionDescriptionHandlerOptions: { hold: held } as object,
            requestDelegate: { onAccept: () => resolve(true), onReject: () => resolve(false) },
          })
          .catch(reject);
      });
      if (!accepted) throw new ApiFailure('refused', held ? 'The other side refused the hold.' : 'The other side refused to resume.');
      entry.view.held = held;
      this.calls.emit(entry, entry.view.status);
      return { ...entry.view };
    } finally {
      entry.holdPending = false;
    }
  }

  async sendDtmf(callId: string, tones: string): Promise<CallView> {
    const entry = this.connectedEntry(callId);
    const digits = tones.toUpperCase();
    const mode = this.accounts.account()?.dtmfMode ?? 'rfc4733';
    let sent = false;
    if (mode === 'rfc4733' && entry.bridge) {
      sent = await entry.bridge.sendDtmf(digits, { durationMs: DTMF_DURATION_MS, gapMs: DTMF_GAP_MS });
    }
    // SIP INFO when configured, or when the far end did not offer telephone-event.
    if (!sent) {
      for (const digit of digits) await this.sendInfoDigit(entry, digit);
    }
    return { ...entry.view };
  }

  private sendInfoDigit(entry: CallEntry, digit: string): Promise<void> {
    return new Promise((resolve, reject) => {
      entry.session
        .info({
          requestOptions: {
            body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=${DTMF_DURATION_MS}\r\n` },
          },
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => reject(new ApiFailure('refused', `The other side refused DTMF ${digit} (${response.message.statusCode}).`)),
          },
        })
        .catch(reject);
    });
  }

  private connectedEntry(callId: string): CallEntry {
    const entry = this.calls.entry(callId);
    if (entry.view.status !== 'connected') throw new ApiFailure('conflict', `The call is ${entry.view.status}, not connected.`);
    return entry;
  }
}
