// Pact rules 3, 9, 10 and 13: no function or view of ours counts or ranks people. Every
// function and view in public and private is read from the catalog (pg_get_functiondef,
// pg_get_viewdef) and searched for a grouping, window or aggregate per person, so a new one
// is caught whatever its name. What PostgREST lets any reader do with rows they may read
// (`Prefer: count=exact`) is not ours to forbid: the promise is about what Highcard computes.
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, superuser } from './helpers.ts';

let db: PGlite;

beforeAll(async () => {
  db = await freshDb();
});
afterAll(async () => {
  await db.close();
});

/** A column that names a person: who wrote, took, settled, edited, merged, sent or received. */
const PERSON = /\b(?:\w+\.)?(author_id|user_id|member_id|taken_by|created_by|settled_by|edited_by|merged_by|undone_by|routed_by|invited_by|from_user|to_user|manager_id|employee_id|\w*display_name)\b/i;
const AGGREGATE = /\b(count|sum|avg|rank|dense_rank|row_number|percent_rank|cume_dist|ntile)\s*\(/gi;

/** Every place a definition groups or counts by a person, as "<clause>" strings. */
function countsPerPerson(definition: string): string[] {
  const sql = definition
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  const found: string[] = [];

  for (const match of sql.matchAll(/\b(group|partition)\s+by\b/gi)) {
    const start = match.index + match[0].length;
    const items = splitTopLevel(listAfter(sql, start, match[1]!.toLowerCase() === 'group'));
    // `group by 1`: the first column of this query's select list.
    const columns = match[1]!.toLowerCase() === 'group' ? selectListBefore(sql, match.index) : [];
    const resolved = items.map((item) => (/^\d+$/.test(item) ? (columns[Number(item) - 1] ?? item) : item));
    if (resolved.some((item) => PERSON.test(item))) found.push(`${match[0].toLowerCase()} ${resolved.join(', ')}`);
  }

  // An aggregate in a subquery tied to one person (`(select count(*) ... where i.author_id = m.user_id)`).
  for (const match of sql.matchAll(AGGREGATE)) {
    const scope = subqueryAround(sql, match.index);
    const where = /\bwhere\b([\s\S]*)$/i.exec(scope)?.[1] ?? '';
    const tie = new RegExp(`${PERSON.source}\\s*=|=\\s*${PERSON.source}`, 'i').exec(where);
    if (tie) found.push(`${match[1]!.toLowerCase()}(...) where ${tie[0].trim()}`);
  }
  return found;
}

/** The text of a GROUP BY or PARTITION BY list: up to the next clause or the closing paren. */
function listAfter(sql: string, start: number, group: boolean): string {
  const end = group
    ? /^(having|order|limit|offset|window|union|intersect|except|returning|into|loop|then|on\s+conflict)\b/i
    : /^(order|rows|range|groups)\b/i;
  let depth = 0;
  for (let i = start; i < sql.length; i += 1) {
    const ch = sql[i]!;
    if (ch === '(') depth += 1;
    else if (ch === ')') {
      if (depth === 0) return sql.slice(start, i);
      depth -= 1;
    } else if (depth === 0 && (ch === ';' || (/\s/.test(sql[i - 1]!) && end.test(sql.slice(i))))) return sql.slice(start, i);
  }
  return sql.slice(start);
}

function splitTopLevel(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < list.length; i += 1) {
    if (list[i] === '(') depth += 1;
    else if (list[i] === ')') depth -= 1;
    else if (list[i] === ',' && depth === 0) {
      items.push(list.slice(from, i));
      from = i + 1;
    }
  }
  items.push(list.slice(from));
  return items.map((item) => item.trim().replace(/^\((.*)\)$/s, '$1').trim()).filter(Boolean);
}

/** The select list of the query a clause at `at` belongs to (same parenthesis level). */
function selectListBefore(sql: string, at: number): string[] {
  let depth = 0;
  for (let i = at - 1; i >= 0; i -= 1) {
    const ch = sql[i]!;
    if (ch === ')') depth += 1;
    else if (ch === '(') {
      if (depth === 0) return [];
      depth -= 1;
    } else if (depth === 0 && /^select\b/i.test(sql.slice(i)) && !/\w/.test(sql[i - 1] ?? ' ')) {
      const list = listUntilFrom(sql, i + 'select'.length);
      return splitTopLevel(list.replace(/^\s*distinct\b/i, '')).map((item) => item.replace(/\s+as\s+\w+$/i, ''));
    }
  }
  return [];
}

function listUntilFrom(sql: string, start: number): string {
  let depth = 0;
  for (let i = start; i < sql.length; i += 1) {
    const ch = sql[i]!;
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    else if (depth === 0 && /^from\b/i.test(sql.slice(i)) && /\s/.test(sql[i - 1]!)) return sql.slice(start, i);
  }
  return sql.slice(start);
}

/** The innermost parenthesised query around `at`, or the statement it is in. */
function subqueryAround(sql: string, at: number): string {
  let depth = 0;
  for (let i = at - 1; i >= 0; i -= 1) {
    const ch = sql[i]!;
    if (ch === ')') depth += 1;
    else if (ch === '(') {
      if (depth > 0) {
        depth -= 1;
        continue;
      }
      if (/^\(\s*select\b/i.test(sql.slice(i))) return sql.slice(i, closing(sql, i));
    } else if (ch === ';') {
      depth = 0;
      const end = sql.indexOf(';', at);
      return sql.slice(i + 1, end < 0 ? undefined : end);
    }
  }
  const end = sql.indexOf(';', at);
  return sql.slice(0, end < 0 ? undefined : end);
}

function closing(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i += 1) {
    if (sql[i] === '(') depth += 1;
    else if (sql[i] === ')' && --depth === 0) return i + 1;
  }
  return sql.length;
}

/** The places allowed to group by a person, each with why it counts nobody. */
const EXCEPTIONS: Array<{ name: string; clause: string; reason: string }> = [
  {
    name: 'private.lookup_context_for',
    clause: 'group by l.org_id, user_id',
    reason:
      'Who to ask (pact rule 6): one row per author of the latest 500 entries, with when they last filed (max), read newest first until the 20 most recent colleagues are found; nothing is counted or ranked by amount.',
  },
];

async function definitions(): Promise<Array<{ name: string; definition: string }>> {
  return superuser(
    db,
    `select n.nspname || '.' || p.proname as name, pg_get_functiondef(p.oid) as definition
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private') and p.prokind in ('f', 'p')
     union all
     select n.nspname || '.' || c.relname, pg_get_viewdef(c.oid)
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'private') and c.relkind in ('v', 'm')
     order by 1`,
  );
}

describe('no function or view of ours counts or ranks people', () => {
  it('groups, partitions and counts by no person, beyond the exceptions listed with their reasons', async () => {
    const all = await definitions();
    // The query still sees what it must judge: the timeline, the trends, the lookup and the plans.
    expect(all.map((row) => row.name)).toEqual(
      expect.arrayContaining(['public.account_timeline', 'public.signal_trends', 'public.lookup_context', 'private.lookup_context_for', 'public.account_plan']),
    );
    const found = all.flatMap(({ name, definition }) => countsPerPerson(definition).map((clause) => ({ name, clause })));
    const allowed = (hit: { name: string; clause: string }) =>
      EXCEPTIONS.some((exception) => exception.name === hit.name && exception.clause === hit.clause);
    expect(found.filter((hit) => !allowed(hit))).toEqual([]);
    // An exception that no longer matches anything is removed, not kept as a blank permission.
    expect(EXCEPTIONS.filter((exception) => !found.some((hit) => hit.name === exception.name && hit.clause === exception.clause))).toEqual([]);
  });

  it('keeps the one exception free of any count: who to ask is a list of colleagues, not a tally', async () => {
    const [lookup] = await superuser<{ definition: string }>(
      db,
      // lookup_context's reads, "who to ask" among them, are in its private function.
      `select pg_get_functiondef('private.lookup_context_for(text[], text, uuid, text)'::regprocedure) as definition`,
    );
    const people = /'people'[\s\S]*?group by l\.org_id, user_id[^)]*\)/i.exec(lookup!.definition)?.[0] ?? '';
    expect(people).toContain('max(l.created_at) as last_filed_at');
    expect(people).not.toMatch(AGGREGATE);
  });

  it('would catch a view or function that counts entries per author, however it is written', async () => {
    try {
      await superuser(db, `create view public.entries_per_author as select author_id, count(*) as entries from public.interactions group by 1`);
      await superuser(
        db,
        `create function public.busiest_colleagues(p_org uuid) returns table (user_id uuid, entries bigint) language sql stable set search_path = '' as $$
           select m.user_id, (select count(*) from public.interactions i where i.author_id = m.user_id) from public.memberships m where m.org_id = p_org
         $$`,
      );
      await superuser(
        db,
        `create function public.tally_by_position() returns table (author uuid, entries bigint) language plpgsql stable set search_path = '' as $$
         begin
           return query select i.author_id, count(*) from public.interactions i group by 1;
         end $$`,
      );
      await superuser(
        db,
        `create function private.authors_ranked(p_org uuid) returns table (author uuid, place bigint) language sql stable set search_path = '' as $$
           select i.author_id, rank() over (partition by i.org_id, i.author_id order by i.created_at) from public.interactions i where i.org_id = p_org
         $$`,
      );
      const caught = (await definitions())
        .filter((row) => ['public.entries_per_author', 'public.busiest_colleagues', 'public.tally_by_position', 'private.authors_ranked'].includes(row.name))
        .map((row) => ({ name: row.name, caught: countsPerPerson(row.definition).length > 0 }));
      expect(caught).toEqual([
        { name: 'private.authors_ranked', caught: true },
        { name: 'public.busiest_colleagues', caught: true },
        { name: 'public.entries_per_author', caught: true },
        { name: 'public.tally_by_position', caught: true },
      ]);
    } finally {
      await superuser(db, 'drop view if exists public.entries_per_author');
      await superuser(db, 'drop function if exists public.busiest_colleagues(uuid)');
      await superuser(db, 'drop function if exists public.tally_by_position()');
      await superuser(db, 'drop function if exists private.authors_ranked(uuid)');
    }
  });
});
