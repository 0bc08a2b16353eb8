import type { RegistrationState, RegistrationStatus } from '../../../shared/sip.js';

/**
 * Registration state of the one SIP line.
 *
 *                    start / account saved
 *        ┌──────┐ ───────────────────────▶ ┌─────────────┐   200 OK    ┌────────────┐
 *        │ idle │                          │ registering │ ──────────▶ │ registered │
 *        └──────┘ ◀── stop (any state) ─── └─────────────┘ ◀────────── └────────────┘
 *           │                               │  ▲     │   account saved /    │
 *           │ transport down at start       │  │     │   refresh            │ transport lost
 *           ▼                               │  │     │                      │ (calls end: network)
 *        ┌─────────┐ ◀── transport lost, ───┘  │     │ 401/407 after         ▼
 *        │ offline │     408, 5xx              │     │ credentials, 403  ┌─────────┐
 *        │ (since) │ ── reconnected after ─────┘     └─────────────────▶ │ failed  │
 *        └─────────┘    backoff + jitter                                 └─────────┘
 *                                                       retry / account saved ──▶ registering
 *
 * `offline` keeps retrying by itself and keeps its `offlineSince` through every retry, so the UI
 * can say "offline since 10:42". `failed` does not retry: the same credentials would fail again.
 */
export const REGISTRATION_TRANSITIONS: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  idle: ['registering', 'offline'],
  registering: ['registered', 'failed', 'offline', 'idle'],
  registered: ['registering', 'offline', 'failed', 'idle'],
  failed: ['registering', 'idle'],
  offline: ['registering', 'idle'],
};

export class IllegalTransitionError extends Error {
  constructor(machine: string, from: string, to: string) {
    super(`Invalid ${machine} transition from ${from} to ${to}`);
    this.name = 'IllegalTransitionError';
  }
}

export interface RegistrationChange {
  status: RegistrationStatus;
  reason?: string | null;
  nextRetryAt?: string | null;
  aor?: string | null;
}

export class RegistrationMachine {
  private current: RegistrationState = {
    status: 'idle',
    reason: null,
    offlineSince: null,
    nextRetryAt: null,
    registeredAt: null,
    aor: null,
  };

  constructor(
    private readonly now: () => Date,
    private readonly onChange: (state: RegistrationState) => void,
  ) {}

  get state(): RegistrationState {
    return { ...this.current };
  }

  get status(): RegistrationStatus {
    return this.current.status;
  }

  /** Moves to `change.status` or throws IllegalTransitionError; emits the new state. */
  transition(change: RegistrationChange): RegistrationState {
    const from = this.current.status;
    const to = change.status;
    if (!REGISTRATION_TRANSITIONS[from].includes(to)) throw new IllegalTransitionError('registration', from, to);
    const at = this.now().toISOString();
    const previous = this.current;
    this.current = {
      status: to,
      reason: change.reason ?? null,
      // Offline since the first moment the line went down; retries (registering) keep it until registered.
      offlineSince: to === 'registered' || to === 'idle' ? null : to === 'offline' ? previous.offlineSince ?? at : previous.offlineSince,
      nextRetryAt: to === 'offline' ? change.nextRetryAt ?? null : null,
      registeredAt: to === 'registered' ? at : null,
      aor: change.aor !== undefined ? change.aor : previous.aor,
    };
    this.onChange(this.state);
    return this.state;
  }
}
