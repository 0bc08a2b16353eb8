import type { VoicemailScript } from '../../../shared/domain.js';

/**
 * Scripts Dialdesk ships for each stage; each passes the coach with no
 * warnings (a test holds them to it). Two first-voicemail variants run side
 * by side so return rates per script can be compared.
 */
export const DEFAULT_VOICEMAIL_SCRIPTS: VoicemailScript[] = [
  {
    id: 'first-referral',
    version: 1,
    stage: 'first',
    name: 'First voicemail — referral',
    active: true,
    template:
      'Hi {first_name|there}, this is {rep_name} with {rep_company}. {referrer|A colleague of yours} suggested I reach out about {reason|a quick question}. ' +
      "Could you call me back at {callback_number}? If we miss each other, I'll try you again {next_attempt|in a couple of days}. " +
      'Again, {rep_name}, {callback_number}.',
  },
  {
    id: 'first-direct',
    version: 1,
    stage: 'first',
    name: 'First voicemail — direct',
    active: true,
    template:
      "Hi {first_name|there}, it's {rep_name} from {rep_company}. I'm calling about {reason|one quick question}, and it's easier by phone. " +
      "Give me a call at {callback_number} when you have a minute; otherwise I'll call you {next_attempt|later this week}. " +
      "That's {callback_number}.",
  },
  {
    id: 'follow-up',
    version: 1,
    stage: 'follow-up',
    name: 'Follow-up voicemail',
    active: true,
    template:
      "Hi {first_name|there}, {rep_name} from {rep_company}, calling as promised. I'm still hoping to talk about {reason|your question}. " +
      "Call me back at {callback_number}, or I'll try you again {next_attempt|in a couple of days}. Once more, {callback_number}.",
  },
  {
    id: 'opt-out',
    version: 1,
    stage: 'opt-out',
    name: 'Last voicemail — opt-out',
    active: true,
    template:
      "Hi {first_name|there}, it's {rep_name} with {rep_company}, calling as promised. I don't want to keep leaving you messages. " +
      "If the timing is wrong, tell me and I'll close your file and won't call again. " +
      "Otherwise, call me back at {callback_number} by {deadline|the end of the week}. That's {callback_number}.",
  },
];
