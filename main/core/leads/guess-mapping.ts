import type { ColumnMapping, MappedField } from '../../../shared/contract/index.js';

/**
 * Header spellings seen in CRM exports (Salesforce, HubSpot, Pipedrive, Zoho
 * CRM, Microsoft Dynamics 365, Close, Apollo, Outreach, Salesloft, Freshsales,
 * spreadsheets), compared after lower-casing and dropping everything but
 * letters and digits.
 */
const SYNONYMS: Record<MappedField, string[]> = {
  firstName: ['firstname', 'first', 'givenname', 'fname', 'contactfirstname', 'leadfirstname', 'personfirstname', 'vorname', 'prenom'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'lname', 'contactlastname', 'leadlastname', 'personlastname', 'nachname', 'nom'],
  fullName: ['fullname', 'contactname', 'contactfullname', 'primarycontactname', 'personname', 'name', 'contact', 'person', 'primarycontact'],
  company: [
    'company', 'companyname', 'account', 'accountname', 'organization', 'organisation', 'organizationname', 'organisationname',
    'business', 'employer', 'firm', 'companyaccount', 'parentaccount', 'parentcustomer', 'customer', 'leadcompany', 'accountcompany',
    'salesaccount', 'salesaccounts', 'associatedcompany',
  ],
  email: ['email', 'emailaddress', 'workemail', 'mail', 'primaryemail', 'emails', 'businessemail', 'email1', 'contactemail', 'emailwork'],
  extension: ['ext', 'extension', 'phoneext', 'phoneextension', 'workext', 'workextension'],
  timeZone: ['timezone', 'tz', 'zone', 'localtimezone', 'contacttimezone', 'leadtimezone', 'persontimezone'],
  referrer: ['referrer', 'referredby', 'referral', 'referralsource', 'referer', 'introducedby'],
  reason: ['reason', 'callreason', 'reasonforcall', 'why', 'hook', 'trigger'],
  notes: ['notes', 'note', 'description', 'comments', 'comment', 'remarks'],
  state: ['state', 'province', 'stateprovince', 'stateorprovince', 'mailingstate', 'billingstate', 'mailingstateprovince', 'billingstateprovince', 'addressstate', 'primarystate', 'personstate', 'contactstate', 'leadstate', 'bundesland'],
  country: ['country', 'countryname', 'mailingcountry', 'billingcountry', 'addresscountry', 'primarycountry', 'personcountry', 'contactcountry', 'leadcountry', 'countryregion', 'pays', 'land'],
  doNotCall: ['donotcall', 'dnc', 'donotphone', 'donotcontact', 'donotallowphonecalls', 'donotallowcalls', 'nocall', 'phoneoptout', 'calloptout', 'optoutofcalls', 'dontcall'],
};

/** Words that make a column a phone wherever they appear in it ("Mobile Phone", "Telephone1", "Cell"). */
const PHONE_PARTS = ['phone', 'mobile', 'cell', 'telephone', 'handy'];
/** Words that make a column a phone only as a whole word ("Work" in Freshsales, but not "Hotel" or "Account Number"). */
const PHONE_WORDS = ['tel', 'direct', 'dial', 'work', 'business', 'home'];
const PHONE_KEYS = ['number', 'phonenumber', 'contactnumber', 'worknumber', 'mobilenumber', 'directnumber', 'directdial', 'dialnumber'];
/** Columns about a phone rather than holding one. */
const NOT_PHONE = ['fax', 'type', 'status', 'verified', 'valid', 'carrier', 'country', 'code', 'ext', 'extension', 'source', 'opt', 'optout', 'dnc', 'label', 'email', 'mail', 'address', 'city', 'title', 'count'];

/** The record types CRMs prefix their columns with ("Person - Phone - Work", "Organization - Name"). */
const PERSON_ENTITIES = ['person', 'contact', 'lead', 'prospect', 'people', 'primarycontact'];
const ORG_ENTITIES = ['organization', 'organisation', 'org', 'account', 'company'];
const OTHER_ENTITIES = ['deal', 'opportunity', 'activity'];

interface Column {
  /** The whole header, normalised. */
  key: string;
  /** The field part after any record-type prefix, normalised. */
  field: string;
  /** The field part's words. */
  words: string[];
  entity: 'person' | 'org' | 'other' | null;
}

/** Where a CRM's record is the company (Close), its name column names the company once a person column exists. */
const COMPANY_WHEN_A_PERSON_IS_NAMED = ['leadname', 'displayname'];

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function readHeader(header: string): Column {
  const parts = header.split(/\s[-–—:|]\s|\s*[:|>]\s*|\s*\.\s*(?=[A-Za-z])/).map((p) => p.trim()).filter(Boolean);
  const first = normalize(parts[0] ?? '');
  let entity: Column['entity'] = null;
  if (parts.length > 1) {
    if (PERSON_ENTITIES.includes(first)) entity = 'person';
    else if (ORG_ENTITIES.includes(first)) entity = 'org';
    else if (OTHER_ENTITIES.includes(first)) entity = 'other';
  }
  const fieldText = entity ? parts.slice(1).join(' ') : header;
  const words = fieldText
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((w) => w.replace(/\d+$/, ''))
    .filter(Boolean);
  return { key: normalize(header), field: normalize(fieldText), words, entity };
}

function isPhone(column: Column): boolean {
  if (column.words.some((w) => NOT_PHONE.includes(w)) || column.field.includes('fax')) return false;
  if (PHONE_KEYS.includes(column.field)) return true;
  if (PHONE_PARTS.some((part) => column.field.includes(part))) return true;
  // A lone "Work" or "Home" column holds a phone in Freshsales exports.
  return column.words.length <= 2 && column.words.some((w) => PHONE_WORDS.includes(w));
}

/** What a prefixed column means: "Organization - Name" is the company, "Person - Organization" too. */
function fieldOf(column: Column): MappedField | null {
  if (column.entity === 'other') return null;
  if (column.entity === 'org') return column.field === 'name' || SYNONYMS.company.includes(column.field) ? 'company' : null;
  const candidates = [column.key, column.field];
  for (const field of Object.keys(SYNONYMS) as MappedField[]) {
    if (candidates.some((c) => SYNONYMS[field].includes(c))) return field;
  }
  return null;
}

/**
 * The longest header guessed from. CRM headers are short ("Person - Phone - Work",
 * Salesforce's longest custom-field labels are under 100 characters); a longer
 * cell is not a spelling we know, and reading it costs time that grows with the
 * square of its whitespace runs (a 256 KB header took 16 s, past the SIP
 * keep-alive). Such a column is left for the rep to map.
 */
export const MAX_GUESSED_HEADER_CHARS = 200;

/** A header too long to be guessed: no field, not a phone. */
const UNGUESSED: Column = { key: '', field: '', words: [], entity: 'other' };

export function guessMapping(headers: string[]): ColumnMapping {
  const columns = headers.map((header) => (header.length > MAX_GUESSED_HEADER_CHARS ? UNGUESSED : readHeader(header)));
  const taken = new Set<number>();
  const find = (field: MappedField): number | null => {
    // Spellings in the order they are listed ("Full Name" over a bare "Name"); unprefixed before prefixed ones.
    let index = -1;
    for (const spelling of SYNONYMS[field]) {
      index = columns.findIndex((c, i) => !taken.has(i) && c.entity === null && c.key === spelling);
      if (index !== -1) break;
    }
    if (index === -1) index = columns.findIndex((c, i) => !taken.has(i) && fieldOf(c) === field);
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
    doNotCall: find('doNotCall'),
    state: find('state'),
    country: find('country'),
    phones: [],
  };
  if (mapping.firstName === null && mapping.lastName === null) mapping.fullName = find('fullName');
  if (mapping.company === null && (mapping.fullName !== null || mapping.firstName !== null || mapping.lastName !== null)) {
    const index = columns.findIndex((c, i) => !taken.has(i) && COMPANY_WHEN_A_PERSON_IS_NAMED.includes(c.key));
    if (index !== -1) {
      mapping.company = index;
      taken.add(index);
    }
  }
  // Phone columns keep the file's order (the first valid one is dialled), a person's own numbers before their company's.
  const phones = columns.map((column, i) => ({ column, i })).filter(({ column, i }) => !taken.has(i) && column.entity !== 'other' && isPhone(column));
  mapping.phones = [...phones.filter((p) => p.column.entity !== 'org'), ...phones.filter((p) => p.column.entity === 'org')].map((p) => p.i).slice(0, 10);
  return mapping;
}
