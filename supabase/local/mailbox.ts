// The local stack's outbox for sign-in codes: nothing is ever sent. Codes are printed in
// the terminal (through the stack's log) and served at GET /auth/v1/mailbox.

export interface MailItem {
  id: number;
  to: string;
  subject: string;
  text: string;
  /** The 6-digit code the mail carries. */
  code: string;
  sentAt: string;
}

const KEPT = 500;

export class Mailbox {
  private items: MailItem[] = [];
  private nextId = 1;

  deliver(mail: Omit<MailItem, 'id' | 'sentAt'>): MailItem {
    const item: MailItem = { ...mail, to: mail.to.toLowerCase(), id: this.nextId++, sentAt: new Date().toISOString() };
    this.items.push(item);
    if (this.items.length > KEPT) this.items.splice(0, this.items.length - KEPT);
    return item;
  }

  all(): MailItem[] {
    return [...this.items];
  }

  latestFor(email: string): MailItem | undefined {
    const to = email.trim().toLowerCase();
    for (let i = this.items.length - 1; i >= 0; i--) {
      const item = this.items[i];
      if (item && item.to === to) return item;
    }
    return undefined;
  }
}
