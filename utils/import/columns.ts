// Which column of an exported CSV holds what: the usual headers of HubSpot, Salesforce and
// Pipedrive exports are recognised, and any other file gets a mapping step with these as its
// first guesses. Pure: headers in, a mapping out.

/** What an import row is made of; `first_name` and `last_name` are joined into the name. */
export const IMPORT_FIELDS = ['account_name', 'website', 'full_name', 'first_name', 'last_name', 'email', 'linkedin_url', 'title'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The column index for each field, or null when the file has none. */
export type ColumnMapping = Record<ImportField, number | null>;

export const FIELD_LABELS: Record<ImportField, string> = {
  account_name: 'Company name',
  website: 'Company website or domain',
  full_name: 'Full name',
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  linkedin_url: 'LinkedIn profile',
  title: 'Job title',
};

/** Headers as the CRMs write them, best first; compared without case, spaces or punctuation
 * ("Person - Email - Work" = "personemailwork", Salesforce's API name "FirstName" = "First Name"). */
const ALIASES: Record<ImportField, readonly string[]> = {
  account_name: [
    // HubSpot (companies: "Company name"; contacts: "Company Name", "Associated Company")
    'Company name',
    'Associated Company',
    // Salesforce (reports: "Account Name"; data export: "Account.Name")
    'Account Name',
    'Account.Name',
    // Pipedrive (organizations and people exports)
    'Organization - Name',
    'Person - Organization',
    'Organisation - Name',
    'Person - Organisation',
    'Company',
    'Organization',
    'Organisation',
    'Account',
  ],
  website: [
    'Company Domain Name', // HubSpot companies
    'Website URL', // HubSpot companies and contacts
    'Website', // Salesforce accounts
    'Account Website',
    'Organization - Website', // Pipedrive
    'Organisation - Website',
    'Domain',
    'Company Website',
    'Company Domain',
  ],
  full_name: ['Full Name', 'Person - Name', 'Contact Name', 'Contact Full Name', 'Name of contact'],
  first_name: ['First Name', 'Person - First name', 'FirstName', 'Given name'],
  last_name: ['Last Name', 'Person - Last name', 'LastName', 'Surname', 'Family name'],
  email: [
    'Email',
    'Email Address',
    'E-mail',
    'E-mail Address',
    'Person - Email - Work', // Pipedrive: one column per kind of address, work first
    'Person - Email',
    'Person - Email - Other',
    'Person - Email - Home',
    'Work Email',
    'Contact Email',
  ],
  linkedin_url: ['LinkedIn URL', 'LinkedIn Profile', 'LinkedIn Profile URL', 'LinkedIn', 'Person - LinkedIn', 'Person - LinkedIn profile', 'LinkedIn Bio'],
  title: ['Job Title', 'Title', 'Person - Job title', 'Position', 'Role', 'Job Position'],
};

export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The best column for each field by its header; each column serves one field at most. */
export function recogniseColumns(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, null])) as ColumnMapping;
  for (const field of IMPORT_FIELDS) {
    for (const alias of ALIASES[field]) {
      const index = keys.findIndex((key, i) => key === headerKey(alias) && !taken.has(i));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** What the mapping lacks for an import to make sense, in words; empty when it is usable. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  if (mapping.account_name === null && mapping.website === null && mapping.email === null) {
    problems.push('Choose the column with the company name (or at least a website or email column to take it from).');
  }
  const hasName = mapping.full_name !== null || mapping.first_name !== null || mapping.last_name !== null;
  const reachable = mapping.email !== null || mapping.linkedin_url !== null;
  if (hasName && !reachable) problems.push('Contacts need an email or LinkedIn column; without one, only companies are imported.');
  return problems;
}

/** Whether every field the file seems to have was recognised: then the mapping step can be skipped. */
export function isFullyRecognised(mapping: ColumnMapping): boolean {
  return mapping.account_name !== null && mappingProblems(mapping).length === 0;
}
