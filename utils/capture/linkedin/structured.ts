// Facts about a profile from the data LinkedIn embeds in the page: schema.org JSON-LD and
// the hidden <code> blocks that hold its API responses. Both are parsed defensively: any
// block that is not JSON, or not about the person whose URL is open, is ignored.
import { canonicalProfileUrl } from './detect';
import { EMBEDDED_JSON, JSON_LD } from './selectors';

export interface ProfileFacts {
  fullName: string | null;
  headline: string | null;
  location: string | null;
  currentTitle: string | null;
  currentCompany: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const NO_FACTS: ProfileFacts = { fullName: null, headline: null, location: null, currentTitle: null, currentCompany: null };

function parseJson(text: string | null | undefined): Json | undefined {
  const trimmed = text?.trim();
  if (!trimmed || !/^[[{]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as Json;
  } catch {
    return undefined;
  }
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: Json | undefined): Json[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: Json | undefined): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = value.replace(/\s+/g, ' ').trim();
  return cleaned || null;
}

function hasType(node: JsonObject, type: string): boolean {
  return asArray(node['@type']).some((entry) => entry === type);
}

/** Every object in a JSON-LD document, through arrays and @graph. */
function jsonLdNodes(value: Json | undefined): JsonObject[] {
  return asArray(value).flatMap((node) => {
    if (!isObject(node)) return [];
    return [node, ...jsonLdNodes(node['@graph'])];
  });
}

/** The schema.org Person whose url is this profile (or the only Person, if none has a url). */
function jsonLdPerson(doc: Document, profileUrl: string): JsonObject | null {
  const people = Array.from(doc.querySelectorAll(JSON_LD))
    .flatMap((script) => jsonLdNodes(parseJson(script.textContent)))
    .filter((node) => hasType(node, 'Person'));
  const matching = people.find((person) => {
    const url = text(person.url);
    return url !== null && canonicalProfileUrl(url) === profileUrl;
  });
  if (matching) return matching;
  return people.length === 1 && people[0] && text(people[0].url) === null ? people[0] : null;
}

function factsFromJsonLd(person: JsonObject): ProfileFacts {
  // worksFor is the current employer in schema.org; LinkedIn also lists past ones with an
  // endDate on the member role, which must not pass for current.
  const current = asArray(person.worksFor)
    .filter(isObject)
    .filter((org) => !(isObject(org.member) && org.member.endDate !== undefined && org.member.endDate !== null))
    .map((org) => text(org.name))
    .filter((name): name is string => name !== null);
  const titles = asArray(person.jobTitle).map(text).filter((title): title is string => title !== null);
  const address = person.address;
  const location = isObject(address) ? text(address.addressLocality) : text(address);
  return {
    fullName: text(person.name),
    headline: null,
    location,
    currentCompany: current[0] ?? null,
    // A title pairs with a company only when there is one of each.
    currentTitle: current.length === 1 && titles.length === 1 ? (titles[0] ?? null) : null,
  };
}

/** Entities in LinkedIn's API responses: the `included` arrays of every <code> block. */
function embeddedEntities(doc: Document): JsonObject[] {
  return Array.from(doc.querySelectorAll(EMBEDDED_JSON)).flatMap((block) => {
    // textContent, not visibleText: the blocks are display:none data, not page text.
    const json = parseJson(block.textContent);
    if (!isObject(json)) return [];
    return asArray(json.included).filter(isObject);
  });
}

function typeEndsWith(entity: JsonObject, suffix: string): boolean {
  const type = entity.$type;
  return typeof type === 'string' && type.endsWith(suffix);
}

function factsFromEmbedded(doc: Document, profileUrl: string): ProfileFacts {
  const entities = embeddedEntities(doc);
  const profile = entities.find((entity) => {
    if (!typeEndsWith(entity, '.identity.profile.Profile')) return false;
    const slug = text(entity.publicIdentifier);
    return slug !== null && canonicalProfileUrl(`/in/${encodeURIComponent(slug)}`) === profileUrl;
  });
  if (!profile) return NO_FACTS;
  const name = [text(profile.firstName), text(profile.lastName)].filter(Boolean).join(' ');
  // urn:li:fsd_profile:ACoAA… ; positions carry it in their own urn.
  const memberId = text(profile.entityUrn)?.split(':').pop() ?? null;
  const position = memberId
    ? entities.find((entity) => {
        if (!typeEndsWith(entity, '.identity.profile.Position')) return false;
        if (!(text(entity.entityUrn) ?? '').includes(`(${memberId},`)) return false;
        const range = entity.dateRange;
        return isObject(range) && isObject(range.start) && (range.end === undefined || range.end === null);
      })
    : undefined;
  return {
    fullName: name || null,
    headline: text(profile.headline),
    location: text(profile.locationName) ?? text(profile.geoLocationName),
    currentTitle: position ? text(position.title) : null,
    currentCompany: position ? text(position.companyName) : null,
  };
}

/** What the embedded data says about the profile at `profileUrl`; nulls where it says nothing. */
export function readProfileFacts(doc: Document, profileUrl: string): ProfileFacts {
  const person = jsonLdPerson(doc, profileUrl);
  const fromJsonLd = person ? factsFromJsonLd(person) : NO_FACTS;
  const fromEmbedded = factsFromEmbedded(doc, profileUrl);
  // A title belongs with the company it came from; never mix one source's title with the
  // other's company.
  const pair =
    fromEmbedded.currentCompany !== null
      ? { currentTitle: fromEmbedded.currentTitle, currentCompany: fromEmbedded.currentCompany }
      : { currentTitle: fromJsonLd.currentTitle, currentCompany: fromJsonLd.currentCompany };
  return {
    fullName: fromJsonLd.fullName ?? fromEmbedded.fullName,
    headline: fromEmbedded.headline ?? fromJsonLd.headline,
    location: fromJsonLd.location ?? fromEmbedded.location,
    ...pair,
  };
}
