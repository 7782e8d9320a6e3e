-- "For you" asks account_timeline what colleagues filed on the accounts a rep follows since
-- they last looked: account_id in (the follows), created_at after then, newest filed first,
-- 50 at most. The follows stay in the browser (pact rule 8), so the list changes with every
-- rep; this index answers it per account without reading the account's whole history.
create index interactions_account_created_at_idx on public.interactions (account_id, created_at desc)
  where retracted_at is null;
comment on index public.interactions_account_created_at_idx is
  'What is new on followed accounts (For you): live entries per account, newest filed first.';
