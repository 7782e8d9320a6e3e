// One CSV line -> one row for import_records: names joined, the company's domain taken from
// its website (or from a work email address), blanks left out. The database checks every
// value again and says why it skips a row; this only shapes what the file says.
import { companyDomainOf, isFreeMailDomain } from '../free-mail';
import type { ColumnMapping } from './columns';

/** The shape import_records takes (docs/design.md, "A team in a day"). */
export interface ImportRow {
  account_name?: string;
  domain?: string;
  full_name?: string;
  email?: string;
  linkedin_url?: string;
  title?: string;
}

function clean(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** The host of a website as a company domain: "https://www.Acme.com/about" -> "acme.com". */
export function domainOfWebsite(website: string): string | null {
  const text = clean(website);
  if (!text) return null;
  // A bare address ("acme.com") or one that already names its scheme.
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let host: string;
  try {
    host = new URL(candidate).hostname.toLowerCase();
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  if (!host.includes('.') || isFreeMailDomain(host)) return null;
  return host;
}

/** The first address of a cell that may hold several ("a@x.com, b@y.com"). */
function firstEmail(cell: string): string {
  return clean(cell.split(/[,;\s]+/).find((part) => part.includes('@')) ?? cell).toLowerCase();
}

export function toImportRow(values: readonly string[], mapping: ColumnMapping): ImportRow {
  const at = (index: number | null) => (index === null ? '' : clean(values[index]));
  const email = mapping.email === null ? '' : firstEmail(values[mapping.email] ?? '');
  const fullName = at(mapping.full_name) || clean(`${at(mapping.first_name)} ${at(mapping.last_name)}`);
  const websiteDomain = domainOfWebsite(at(mapping.website));
  const emailDomain = email ? companyDomainOf(email) : null;
  const domain = websiteDomain ?? emailDomain;
  // A file without a company column still names the company by its domain; a personal
  // address names none, and such a row is skipped with its reason.
  const accountName = at(mapping.account_name) || domain || '';
  const row: ImportRow = {};
  if (accountName) row.account_name = accountName;
  if (domain) row.domain = domain;
  if (fullName) row.full_name = fullName;
  if (email) row.email = email;
  const linkedin = at(mapping.linkedin_url);
  if (linkedin) row.linkedin_url = linkedin;
  const title = at(mapping.title);
  if (title) row.title = title;
  return row;
}
