import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerKey, isFullyRecognised, mappingProblems, recogniseColumns, type ColumnMapping } from '../../../../utils/import/columns';

const headersOf = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/import', name), 'utf8').split('\n')[0]!.split(',').map((h) => h.replace(/"/g, ''));

describe('recognising the columns of a CRM export', () => {
  it('knows a HubSpot contacts export', () => {
    expect(recogniseColumns(headersOf('hubspot-contacts.csv'))).toEqual({
      account_name: 5,
      website: 6,
      full_name: null,
      first_name: 1,
      last_name: 2,
      email: 3,
      linkedin_url: 7,
      title: 4,
    } satisfies ColumnMapping);
  });

  it('knows a HubSpot companies export, preferring the domain column to the website', () => {
    expect(recogniseColumns(headersOf('hubspot-companies.csv'))).toMatchObject({ account_name: 1, website: 2, email: null });
  });

  it('knows a Salesforce contacts report and Salesforce’s API column names', () => {
    expect(recogniseColumns(headersOf('salesforce-contacts.csv'))).toMatchObject({
      account_name: 0,
      first_name: 1,
      last_name: 2,
      title: 3,
      email: 4,
      website: 5,
    });
    expect(recogniseColumns(['Account.Name', 'FirstName', 'LastName', 'Email', 'Title'])).toMatchObject({
      account_name: 0,
      first_name: 1,
      last_name: 2,
      email: 3,
      title: 4,
    });
  });

  it('knows a Pipedrive people export and takes the work address first', () => {
    const mapping = recogniseColumns(headersOf('pipedrive-people.csv'));
    expect(mapping).toMatchObject({ full_name: 0, account_name: 1, email: 2, title: 4, website: 5 });
    expect(isFullyRecognised(mapping)).toBe(true);
  });

  it('leaves unknown headers to the mapping step, and says what is missing', () => {
    const mapping = recogniseColumns(['Firma', 'Ansprechpartner', 'Mail', 'Funktion']);
    expect(Object.values(mapping).every((column) => column === null)).toBe(true);
    expect(isFullyRecognised(mapping)).toBe(false);
    expect(mappingProblems(mapping)).toEqual([expect.stringMatching(/company name/)]);
  });

  it('says contacts need an email or LinkedIn column', () => {
    const mapping = recogniseColumns(['Company', 'Full Name']);
    expect(mappingProblems(mapping)).toEqual([expect.stringMatching(/email or LinkedIn/)]);
  });

  it('compares headers without case, spacing, punctuation or accents', () => {
    expect(headerKey('Person - Email - Work')).toBe('personemailwork');
    expect(headerKey('  E-MAIL ')).toBe('email');
    expect(headerKey('Organización')).toBe('organizacion');
  });
});
