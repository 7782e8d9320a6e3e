-- Account search by a domain's first letters, within one organization. search_account_ids
-- matched the prefix through account_domains_domain_prefix_idx, which holds every
-- organization's domains, and then dropped the other organizations' rows: on one server
-- shared by many teams the popup's search read every team's matching domains (bench:db on
-- PostgreSQL with many organizations). With the organization first, the search reads its own
-- team's matches only, however many teams share the server.
create index account_domains_org_id_domain_prefix_idx
  on public.account_domains (org_id, domain text_pattern_ops);
comment on index public.account_domains_org_id_domain_prefix_idx is
  'Domain prefix search within one organization (search_accounts): like ''acme%'' under org_id = ...';
