import { describe, expect, it } from 'vitest';
import { recogniseColumns } from '../../../../utils/import/columns';
import { domainOfWebsite, toImportRow } from '../../../../utils/import/rows';

describe('a CSV line becomes an import row', () => {
  const hubspot = recogniseColumns(['First Name', 'Last Name', 'Email', 'Job Title', 'Company Name', 'Website URL', 'LinkedIn URL']);

  it('joins first and last name, takes the domain from the website, and leaves blanks out', () => {
    expect(
      toImportRow([' Dana ', 'Whitfield', 'Dana@Acme-Robotics.example', 'COO', 'Acme Robotics', 'https://www.acme-robotics.example/', ''], hubspot),
    ).toEqual({
      account_name: 'Acme Robotics',
      domain: 'acme-robotics.example',
      full_name: 'Dana Whitfield',
      email: 'dana@acme-robotics.example',
      title: 'COO',
    });
  });

  it('takes the domain from a work email when there is no website, never from a personal one', () => {
    expect(toImportRow(['Priya', '', 'priya@globex.example', '', 'Globex', '', ''], hubspot)).toMatchObject({ domain: 'globex.example' });
    const personal = toImportRow(['Tom', 'Berger', 'tom.berger@gmail.com', 'Founder', 'Berger Bikes', '', ''], hubspot);
    expect(personal).toEqual({ account_name: 'Berger Bikes', full_name: 'Tom Berger', email: 'tom.berger@gmail.com', title: 'Founder' });
  });

  it('names the company by its domain when the file has no company name, and by nothing for a personal address', () => {
    const contacts = recogniseColumns(['Full Name', 'Email']);
    expect(toImportRow(['Ada L', 'ada@analytical.example'], contacts)).toEqual({
      account_name: 'analytical.example',
      domain: 'analytical.example',
      full_name: 'Ada L',
      email: 'ada@analytical.example',
    });
    expect(toImportRow(['Jo', 'jo@gmail.com'], contacts)).toEqual({ full_name: 'Jo', email: 'jo@gmail.com' });
  });

  it('takes the first of several addresses in one cell', () => {
    const mapping = recogniseColumns(['Company', 'Name of contact', 'Email']);
    expect(toImportRow(['Hooli', 'Kim', 'kim@hooli.example, kim.park@hooli.example'], mapping)).toMatchObject({ email: 'kim@hooli.example' });
  });

  it.each([
    ['https://www.Acme.com/about?x=1', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['http://sub.acme.co.uk', 'sub.acme.co.uk'],
    ['www.gmail.com', null],
    ['not a website', null],
    ['', null],
    ['localhost', null],
  ])('the domain of the website %s is %s', (website, domain) => {
    expect(domainOfWebsite(website)).toBe(domain);
  });
});
