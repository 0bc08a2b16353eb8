import type { ColumnMapping, MappedField } from '../../../shared/contract/index.js';

/**
 * Header spellings seen in CRM exports (Salesforce, HubSpot, Pipedrive,
 * Zoho, Close, Outreach, spreadsheets), compared after lower-casing and
 * dropping everything but letters and digits.
 */
const SYNONYMS: Record<MappedField, string[]> = {
  firstName: ['firstname', 'first', 'givenname', 'fname', 'contactfirstname', 'vorname', 'prenom'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'lname', 'contactlastname', 'nachname', 'nom'],
  fullName: ['name', 'fullname', 'contactname', 'contact', 'leadname', 'person'],
  company: ['company', 'companyname', 'account', 'accountname', 'organization', 'organisation', 'organizationname', 'business', 'employer', 'firm'],
  email: ['email', 'emailaddress', 'workemail', 'mail', 'primaryemail'],
  extension: ['ext', 'extension', 'phoneext', 'phoneextension', 'workext'],
  timeZone: ['timezone', 'tz', 'zone', 'localtimezone', 'contacttimezone'],
  referrer: ['referrer', 'referredby', 'referral', 'referralsource', 'referer', 'introducedby'],
  reason: ['reason', 'callreason', 'reasonforcall', 'why', 'hook', 'trigger'],
  notes: ['notes', 'note', 'description', 'comments', 'comment', 'remarks'],
};

const PHONE_WORDS = ['phone', 'mobile', 'cell', 'tel', 'telephone', 'direct', 'dial', 'number', 'handy'];

const normalize = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

export function guessMapping(headers: string[]): ColumnMapping {
  const keys = headers.map(normalize);
  const taken = new Set<number>();
  const find = (field: MappedField): number | null => {
    const index = keys.findIndex((key, i) => !taken.has(i) && SYNONYMS[field].includes(key));
    if (index === -1) return null;
    taken.add(index);
    return index;
  };
  const mapping: ColumnMapping = {
    firstName: find('firstName'),
    lastName: find('lastName'),
    fullName: null,
    company: find('company'),
    email: find('email'),
    extension: find('extension'),
    timeZone: find('timeZone'),
    referrer: find('referrer'),
    reason: find('reason'),
    notes: find('notes'),
    phones: [],
  };
  if (mapping.firstName === null && mapping.lastName === null) mapping.fullName = find('fullName');
  // Phone columns keep the file's order: the first valid one is dialled.
  mapping.phones = keys
    .map((key, i) => ({ key, i }))
    .filter(({ key, i }) => !taken.has(i) && PHONE_WORDS.some((word) => key.includes(word)) && !key.includes('fax'))
    .map(({ i }) => i);
  return mapping;
}
