import { describe, expect, it } from 'vitest';
import { companyDomainOf, isFreeMailDomain } from '../../../utils/free-mail';

describe('free-mail domains', () => {
  it.each([
    ['mia.schmidt@acme-robotics.example', 'acme-robotics.example'],
    ['Ana@Sub.Example.COM', 'sub.example.com'],
    ['someone@gmail.com', null],
    ['someone@GoogleMail.com', null],
    ['someone@icloud.com', null],
    ['not-an-email', null],
    ['@acme.example', null],
    ['local@localhost', null],
  ])('the company domain of %s is %s', (email, domain) => {
    expect(companyDomainOf(email)).toBe(domain);
  });

  it('recognises the big providers whatever the case', () => {
    expect(isFreeMailDomain('Outlook.com')).toBe(true);
    expect(isFreeMailDomain('acme.example')).toBe(false);
  });
});
