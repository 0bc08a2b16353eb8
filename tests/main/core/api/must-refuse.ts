import type { CallName } from '../../../../shared/contract/index.js';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../../shared/schedule.js';

/**
 * What each call must refuse as `invalid-input`, written down by hand from
 * the product's rules and NOT derived from the contract's schemas: the fuzz
 * test judges the core against this list, so a schema loosened by mistake
 * (a ring timeout of 5 s let through, a dial to a number that is not E.164)
 * fails a test instead of being judged by itself.
 *
 * `accept` is one input the call must not refuse as invalid, so an entry
 * cannot pass by the call refusing everything. Calls whose valid input has
 * effects outside the core (dialling, registering) leave it out.
 */
export interface Refusals {
  refuse: unknown[];
  accept?: unknown;
}

const SIP_ACCOUNT = {
  serverUrl: 'wss://pbx.example.com/ws',
  aor: 'sip:rep@pbx.example.com',
  dialPlan: 'sip:{e164}@pbx.example.com',
  ringTimeoutSeconds: 30,
};
const MAPPING = { firstName: 0, lastName: 1, fullName: null, company: 2, email: null, phones: [3], extension: null, timeZone: null, referrer: null, reason: null, notes: null };
const CSV_BASE64 = Buffer.from('First Name,Last Name,Company,Phone\nAna,Ruiz,Acme,+12125550123\n').toString('base64');
const noInput = { refuse: [{ extra: 1 }, 'x', 42, [], { '': null }], accept: {} };

export const MUST_REFUSE: Record<CallName, Refusals> = {
  getStatus: noInput,
  getSettings: noInput,
  updateSettings: {
    refuse: [
      { defaultCountry: 'usa' },
      { defaultCountry: 'us' },
      { repName: 'x'.repeat(101) },
      { workingHours: { start: '17:00', end: '09:00', days: [1] } },
      { workingHours: { start: '9:00', end: '17:00', days: [1] } },
      { workingHours: { start: '09:00', end: '17:00', days: [7] } },
      { daysOff: ['2026-1-1'] },
      { somethingElse: true },
      { schedule: { bands: [] } },
      // Global keys: a bare key would be taken from every program; one key cannot do two things.
      { globalKeys: { enabled: true, keys: { answer: 'A', 'hang-up': '', mute: '', 'drop-voicemail': '', 'pause-block': '' } } },
      { globalKeys: { enabled: true, keys: { answer: 'Ctrl+Alt+A', 'hang-up': 'ctrl+alt+a', mute: '', 'drop-voicemail': '', 'pause-block': '' } } },
      { globalKeys: { enabled: true, keys: { answer: 'Hyper+A', 'hang-up': '', mute: '', 'drop-voicemail': '', 'pause-block': '' } } },
      { globalKeys: { enabled: true, keys: { answer: 'Ctrl+Alt+A' } } },
      // A calling window wider than the legal 8:00–21:00 (the gate would intersect it; it is refused where it was typed).
      { schedule: { ...DEFAULT_SCHEDULE_SETTINGS, countryWindows: { US: { start: '07:00', end: '21:00' } } } },
      { schedule: { ...DEFAULT_SCHEDULE_SETTINGS, leadWindows: { 'lead-1': { start: '08:00', end: '22:00' } } } },
    ],
    accept: { repName: 'Ana Ruiz' },
  },
  startFreshStore: { refuse: [{}, { confirm: false }, { confirm: 'yes' }, { confirm: true, extra: 1 }] },
  listLeads: {
    refuse: [{ limit: 0 }, { limit: 1001 }, { limit: 1.5 }, { offset: -1 }, { sort: 'phone; drop' }, { query: 'x'.repeat(201) }, { descending: 'yes' }, { page: 1 }],
    accept: { limit: 5 },
  },
  getLead: { refuse: [{}, { id: '' }, { id: 42 }, { id: 'x'.repeat(65) }, { id: 'a', more: 1 }], accept: { id: 'no-such-lead' } },
  recordOutcome: {
    refuse: [
      { leadId: 'a' },
      { leadId: 'a', outcome: 'sold' },
      // Only the rep's manual outcomes: a technical failure is never entered by hand.
      { leadId: 'a', outcome: 'failed' },
      { leadId: 'a', outcome: 'no-answer', startedAt: 'yesterday' },
      { leadId: 'a', outcome: 'no-answer', note: 'x'.repeat(2001) },
      { leadId: 'a', outcome: 'voicemail', scriptVersion: 0 },
      { leadId: '', outcome: 'no-answer' },
    ],
  },
  previewImport: {
    refuse: [{ fileName: 'a.csv' }, { fileName: '', contentBase64: CSV_BASE64 }, { fileName: 'a.csv', contentBase64: 'not base64!' }, { fileName: 'x'.repeat(261), contentBase64: CSV_BASE64 }],
    accept: { fileName: 'a.csv', contentBase64: CSV_BASE64 },
  },
  commitImport: {
    refuse: [
      { fileName: 'a.csv', contentBase64: CSV_BASE64 },
      { fileName: 'a.csv', contentBase64: CSV_BASE64, mapping: { ...MAPPING, phones: [-1] } },
      { fileName: 'a.csv', contentBase64: CSV_BASE64, mapping: { ...MAPPING, firstName: 'First Name' } },
      { fileName: 'a.csv', contentBase64: CSV_BASE64, mapping: { ...MAPPING, phones: Array.from({ length: 11 }, (_, i) => i) } },
      { fileName: 'a.csv', contentBase64: CSV_BASE64, mapping: { ...MAPPING, password: 0 } },
    ],
  },
  loadSampleLeads: { refuse: [{ count: 100 }, 'x', []] },
  // A malformed link is refused as invalid input with its reason: nothing else happens.
  resolveDialLink: {
    refuse: [{}, { url: 42 }, { url: 'x'.repeat(4097) }, { url: 'https://evil.example/?number=+12125550147' }, { url: 'tel:not-a-number' }, { url: 'tel:+12125550147', dial: true }],
    accept: { url: 'tel:+1-212-555-0147' },
  },
  takeDialLink: noInput,
  getGlobalKeyStatus: noInput,
  enterPractice: noInput,
  leavePractice: noInput,
  practiceAnswer: { refuse: [{}, { callId: '', sdp: 'v=0' }, { callId: 'c', sdp: '' }, { callId: 'c', sdp: 'v=0', extra: 1 }], accept: { callId: 'c', sdp: 'v=0' } },
  practiceFarEndFailed: { refuse: [{}, { callId: '', error: 'x' }, { callId: 'c', error: 'x'.repeat(1001) }], accept: { callId: 'c', error: 'no WebRTC' } },
  getPracticeRun: noInput,
  exportCsv: { refuse: [{}, { kind: 'scripts' }, { kind: 'leads', out: '/etc/passwd' }], accept: { kind: 'leads' } },
  checkDial: { refuse: [{}, { leadId: '' }, { leadId: 7 }, { leadId: 'a', number: '+12125550123' }], accept: { leadId: 'no-such-lead' } },
  prepareVoicemail: { refuse: [{}, { leadId: '' }, { leadId: 'x'.repeat(65) }] },
  listReminders: { refuse: [{ withinMinutes: -1 }, { withinMinutes: 1441 }, { withinMinutes: 2.5 }, { withinMinutes: '60' }], accept: {} },
  listScripts: noInput,
  checkScript: {
    refuse: [{ template: 'Hi' }, { template: 'Hi', stage: 'final' }, { template: 'x'.repeat(5001), stage: 'first' }],
    accept: { template: 'Hi {first_name}, this is {rep_name}.', stage: 'first' },
  },
  saveScript: {
    refuse: [
      { stage: 'first', name: 'A', template: 'Hi', active: 'yes' },
      { stage: 'first', name: '   ', template: 'Hi', active: true },
      { stage: 'first', name: 'A', template: '  ', active: true },
      { stage: 'first', name: 'A', template: 'x'.repeat(5001), active: true },
      { stage: 'other', name: 'A', template: 'Hi', active: true },
    ],
  },
  importDoNotCall: { refuse: [{ fileName: 'dnc.csv' }, { fileName: 'dnc.csv', contentBase64: '***' }, { contentBase64: CSV_BASE64 }] },
  // The gate answers for a number the rep may type: it must be a real E.164 number, and a time a real instant.
  checkNumber: {
    refuse: [{}, { number: '2125550123' }, { number: '+1 212 555 0123' }, { number: '+12125550123', at: 'tomorrow' }, { number: '+12125550123', leadId: '' }],
    accept: { number: '+12125550123' },
  },
  listDoNotCall: { refuse: [{ limit: 0 }, { limit: 501 }, { offset: -1 }, { query: 'x'.repeat(201) }], accept: {} },
  // Removing a number from the list takes the number typed again: never a removal without a confirmation.
  removeDoNotCall: { refuse: [{ number: '+12125550123' }, { number: '+12125550123', confirm: '' }, { confirm: '+12125550123' }] },
  acknowledgeDoNotCallDamage: { refuse: [{}, { confirm: false }, { confirm: 'yes' }] },
  startBlock: {
    refuse: [
      {},
      // A block is 30, 45, 60 or 90 minutes, or a number of leads: not 20 minutes, not no leads.
      { length: { kind: 'minutes', minutes: 20 } },
      { length: { kind: 'leads', leads: 0 } },
      // The power-dial pause is 0–10 s with a countdown: never negative, never past 10.
      { length: { kind: 'leads', leads: 5 }, pauseSeconds: -1 },
      { length: { kind: 'leads', leads: 5 }, pauseSeconds: 11 },
      { length: { kind: 'leads', leads: 5 }, filter: { stage: 'final' } },
    ],
  },
  getBlock: noInput,
  blockDial: { refuse: [{ extra: 1 }, 'x', []] },
  blockCancel: { refuse: [{ extra: 1 }, 'x', []] },
  pauseBlock: { refuse: [{ extra: 1 }, 'x', []] },
  resumeBlock: { refuse: [{ extra: 1 }, 'x', []] },
  // A skip needs its reason.
  skipLead: { refuse: [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(201) }] },
  endBlock: { refuse: [{ extra: 1 }, 'x', []] },
  listBlockRecords: { refuse: [{ limit: 0 }, { limit: 501 }], accept: {} },
  getLeadFocus: { refuse: [{}, { leadId: '' }, { leadId: 7 }, { leadId: 'x'.repeat(65) }, { leadId: 'a', more: 1 }], accept: { leadId: 'no-such-lead' } },
  getScheduledBlock: noInput,
  dismissScheduledBlock: { refuse: [{}, { id: '' }, { id: 3 }, { id: 'a', more: 1 }], accept: { id: 'no-such-block' } },
  settleCall: {
    refuse: [
      {},
      { id: 'c1', outcome: 'no-answer' },
      // A call-back without the time it was asked for is no call-back.
      { id: 'c1', outcome: 'call-back' },
      // The permission question belongs to a conversation, not to a voicemail.
      { id: 'c1', outcome: 'voicemail', permission: 'no' },
      { id: 'c1', outcome: 'conversation', workAgainInDays: 0 },
    ],
  },
  listOpenCalls: noInput,
  getStats: { refuse: [{ from: '2026-1-1' }, { to: 'yesterday' }], accept: {} },
  getTeamFigures: { refuse: [{ from: '2026-1-1' }, { to: 'yesterday' }, { extra: 1 }, 'x'], accept: {} },
  getReturnsSlots: noInput,
  saveReturnsSlots: { refuse: [{}, { slots: { '7': [] } }, { slots: { '1': [{ start: '11:30', end: '11:30' }] } }, { slots: { '1': [{ start: '25:00', end: '26:00' }] } }] },
  getReturnsQueue: noInput,
  returnCall: { refuse: [{}, { inboundId: '' }] },
  listInbound: { refuse: [{ limit: 0 }, { state: 'ignored' }, { query: 'x'.repeat(101) }], accept: {} },
  exportInboundCsv: noInput,
  exportReturnsIcs: noInput,
  getSpeechEngine: noInput,
  getVoicemailAudioSettings: noInput,
  saveVoicemailAudioSettings: {
    refuse: [
      {},
      // A message read faster than anyone can follow, or so slow it runs out the mailbox: not a rate.
      { voice: '', rateWpm: 500, wayByStage: { first: 'read-out', 'follow-up': 'read-out', 'opt-out': 'read-out' }, afterMessage: 'hang-up', autoDrop: true, silenceAfterGreetingMs: 3000 },
      { voice: '', rateWpm: 160, wayByStage: { first: 'shout', 'follow-up': 'read-out', 'opt-out': 'read-out' }, afterMessage: 'hang-up', autoDrop: true, silenceAfterGreetingMs: 3000 },
      { voice: '', rateWpm: 160, wayByStage: { first: 'read-out', 'follow-up': 'read-out', 'opt-out': 'read-out' }, afterMessage: 'hang-up', autoDrop: true, silenceAfterGreetingMs: 100 },
    ],
  },
  previewSpeech: { refuse: [{}, { text: '', voice: '', rateWpm: 160 }, { text: 'x'.repeat(2001), voice: '', rateWpm: 160 }, { text: 'Hi', voice: '', rateWpm: 20 }] },
  prepareVoicemailAudio: { refuse: [{}, { leadId: 'a' }, { leadId: 'a', way: 'teleprompter' }, { leadId: '', way: 'read-out' }] },
  getRecordedDrop: { refuse: [{}, { stage: 'final' }], accept: { stage: 'first' } },
  saveRecordedDrop: { refuse: [{ stage: 'first' }, { stage: 'first', wavBase64: 'x' }, { stage: 'first', wavBase64: '***'.repeat(30) }] },
  deleteRecordedDrop: { refuse: [{}, { stage: 'last' }] },
  recordVoicemailLeft: { refuse: [{}, { leadId: 'a' }, { leadId: 'a', way: 'read-out', durationS: -1, trigger: 'beep' }, { leadId: 'a', way: 'read-out', durationS: 5, trigger: 'guess' }] },
  getSipAccount: noInput,
  saveSipAccount: {
    refuse: [
      // Compliance: a lead needs time to reach the phone.
      { account: { ...SIP_ACCOUNT, ringTimeoutSeconds: 14 } },
      { account: { ...SIP_ACCOUNT, ringTimeoutSeconds: 0 } },
      { account: { ...SIP_ACCOUNT, ringTimeoutSeconds: 121 } },
      { account: { ...SIP_ACCOUNT, serverUrl: 'https://pbx.example.com/ws' } },
      { account: { ...SIP_ACCOUNT, aor: 'rep@pbx.example.com' } },
      { account: { ...SIP_ACCOUNT, dialPlan: 'sip:pbx.example.com' } },
      { account: { ...SIP_ACCOUNT, dialPlan: 'sip:{e164}{digits}@pbx.example.com' } },
      { account: { ...SIP_ACCOUNT, callerId: '5551234' } },
      { account: { ...SIP_ACCOUNT, inboundSuppression: 'divert-302', voicemailUri: '' } },
      { account: SIP_ACCOUNT, password: '' },
      { account: { ...SIP_ACCOUNT, password: 'secret' } },
    ],
  },
  getRegistration: noInput,
  retryRegistration: { refuse: [{ force: true }, 'now'] },
  listCalls: noInput,
  dial: {
    refuse: [
      {},
      { number: '2125550123' },
      { number: '+1 212 555 0123' },
      { number: '+0125550123' },
      { number: 'sip:+12125550123@evil.example.com' },
      { number: '+12125550123', leadId: '' },
      { number: '+12125550123', ringTimeoutSeconds: 5 },
    ],
  },
  testCall: {
    refuse: [
      {},
      { target: '' },
      { target: '   ' },
      { target: 42 },
      { target: 'x'.repeat(257) },
      { target: '+12125550123', leadId: 'a' },
      // Not a number, an extension or a SIP address; a SIP address of another domain; an emergency code.
      { target: 'call my mobile' },
      { target: 'sip:echo@evil.example.com' },
      { target: '911' },
    ],
  },
  cancelCall: { refuse: [{}, { callId: '' }, { callId: 'x'.repeat(65) }] },
  hangUp: { refuse: [{}, { callId: 3 }] },
  setMute: { refuse: [{ callId: 'c' }, { callId: 'c', muted: 'true' }] },
  setHold: { refuse: [{ callId: 'c' }, { callId: 'c', held: 1 }] },
  sendDtmf: { refuse: [{ callId: 'c', tones: '' }, { callId: 'c', tones: '12x' }, { callId: 'c', tones: '1'.repeat(33) }, { callId: 'c', tones: '1\r\nINVITE' }] },
  answerInbound: { refuse: [{}, { callId: '' }] },
  declineInbound: { refuse: [{}, { callId: null }] },
  mediaRespond: { refuse: [{}, { id: 'm', ok: true, error: 'both' }, { id: '', ok: false, error: 'x' }, { id: 'm', ok: true, description: { body: 'x'.repeat(100_001), contentType: 'application/sdp' } }] },
  mediaReset: noInput,
};
