import type { MappedField } from '../../shared/contract/index.js';

/** The single-column fields of the mapping step, in the order the rep reads them. */
export const MAPPED_FIELDS: { field: MappedField; label: string }[] = [
  { field: 'firstName', label: 'First name' },
  { field: 'lastName', label: 'Last name' },
  { field: 'fullName', label: 'Full name' },
  { field: 'company', label: 'Company' },
  { field: 'email', label: 'Email' },
  { field: 'extension', label: 'Extension' },
  { field: 'timeZone', label: 'Time zone' },
  { field: 'state', label: 'State / province' },
  { field: 'country', label: 'Country' },
  { field: 'referrer', label: 'Referred by' },
  { field: 'reason', label: 'Reason to call' },
  { field: 'notes', label: 'Notes' },
  { field: 'doNotCall', label: 'Do not call flag' },
];

export const MAX_PHONE_COLUMNS = 10;
