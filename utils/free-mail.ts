// Addresses at these providers say nothing about the company a person works for, so they
// never make or match an account. The database keeps the same list
// (private.is_free_mail_domain); tests/db checks that the two agree.
export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'mail.com',
  'yandex.ru',
  'qq.com',
  '163.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
];

const freeMail = new Set(FREE_MAIL_DOMAINS);

export function isFreeMailDomain(domain: string): boolean {
  return freeMail.has(domain.trim().toLowerCase());
}

/** The company domain of an email address, or null for free-mail and malformed addresses. */
export function companyDomainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1) return null;
  const domain = email.slice(at + 1).trim().toLowerCase();
  if (!domain.includes('.') || isFreeMailDomain(domain)) return null;
  return domain;
}
