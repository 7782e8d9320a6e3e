// The account's people, for "who at the customer" in the plan's forms.
import { useEffect, useState } from 'preact/hooks';
import type { PlanContact } from '../plan-actions';
import { send } from '../send';

export function useAccountContacts(accountId: string | null): PlanContact[] {
  const [contacts, setContacts] = useState<PlanContact[]>([]);
  useEffect(() => {
    setContacts([]);
    if (!accountId) return;
    let live = true;
    void send('merge.accountContacts', { accountId }).then((result) => {
      if (live && result.ok) setContacts(result.data.map((contact) => ({ id: contact.id, full_name: contact.full_name })));
    });
    return () => {
      live = false;
    };
  }, [accountId]);
  return contacts;
}
