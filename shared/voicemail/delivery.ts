/** The three ways a voicemail is left, chosen per script stage. */
export const DELIVERY_WAYS = ['read-out', 'recorded', 'teleprompter'] as const;
export type DeliveryWay = (typeof DELIVERY_WAYS)[number];

export const DELIVERY_LABELS: Record<DeliveryWay, string> = {
  'read-out': 'Read out by the computer',
  recorded: 'Your recording',
  teleprompter: 'You read it live',
};

/** What happens once a played message ends. */
export type AfterMessage = 'hang-up' | 'stay';
