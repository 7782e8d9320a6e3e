// readProfile: the person on an open LinkedIn profile. What the page shows comes first;
// embedded structured data fills what the page gives no stable hook for. A field that no
// source states plainly is null — a blank is fixed by the user, a wrong company is filed.
import { canonicalProfileUrl, isProfilePage } from './detect';
import { firstMatch, firstWithText, isInside, outermost, shownLine } from './dom';
import {
  CURRENT_COMPANY_LABEL,
  EXPERIENCE_DESCRIPTION,
  EXPERIENCE_ENTRY,
  EXPERIENCE_LINE,
  EXPERIENCE_SECTION,
  PROFILE_HEADLINE,
  PROFILE_LABELLED,
  PROFILE_LOCATION,
  PROFILE_NAME,
  PROFILE_TOP_CARD,
} from './selectors';
import { readProfileFacts } from './structured';
import type { LinkedInProfile } from './types';

interface Position {
  title: string;
  company: string | null;
}

/** "Mar 2022 - Present", "2019 – 2021 · 2 yrs", "Jan 2020 to Present". */
const DATE_RANGE = /\b(?:19|20)\d{2}\b\s*(?:-|–|—|to)\s*(?:Present\b|(?:[A-Za-z]{3,9}\.? )?(?:19|20)\d{2}\b)/i;
// LinkedIn 2025: English pages only; other languages leave the position to the top card
// and structured data.
const ONGOING = /(?:-|–|—|to)\s*Present\b/i;

/** The person on the profile at `url`; null when `url` is not a profile or it has not rendered. */
export function readProfile(doc: Document, url: string): LinkedInProfile | null {
  if (!isProfilePage(url)) return null;
  const profileUrl = canonicalProfileUrl(url);
  if (!profileUrl) return null;

  const topCard = firstMatch(doc, PROFILE_TOP_CARD);
  const facts = readProfileFacts(doc, profileUrl);
  const fromCard = (candidates: readonly string[]) => (topCard ? shownLine(firstWithText(topCard, candidates)) : null);

  const fullName = fromCard(PROFILE_NAME) ?? facts.fullName;
  if (!fullName) return null;

  const cardCompany = topCard ? currentCompanyFromLabels(topCard) : null;
  const position = currentPosition(doc, cardCompany);
  const currentCompany = position?.company ?? cardCompany ?? facts.currentCompany;
  const currentTitle =
    position?.title ?? (currentCompany !== null && sameName(currentCompany, facts.currentCompany) ? facts.currentTitle : null);

  return {
    fullName,
    headline: fromCard(PROFILE_HEADLINE) ?? facts.headline,
    currentTitle,
    currentCompany,
    location: fromCard(PROFILE_LOCATION) ?? facts.location,
    profileUrl,
  };
}

/** "Current company: Acme Robotics. Click to skip to experience card" -> "Acme Robotics". */
function currentCompanyFromLabels(topCard: Element): string | null {
  for (const element of Array.from(topCard.querySelectorAll(PROFILE_LABELLED))) {
    const match = CURRENT_COMPANY_LABEL.exec(element.getAttribute('aria-label') ?? '');
    const name = match?.[1]?.replace(/\s+/g, ' ').trim();
    if (name) return name;
  }
  return null;
}

function sameName(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
}

function experienceSection(doc: Document): Element | null {
  const found = firstMatch(doc, EXPERIENCE_SECTION);
  if (!found) return null;
  // The classic layout's #experience is an empty anchor at the top of the section.
  if (found.id === 'experience' && found.tagName !== 'SECTION') return found.closest('section');
  return found;
}

/** The entry's own lines (not its nested roles' nor its description), as shown. */
function ownLines(entry: Element, entrySelector: string): string[] {
  for (const lineSelector of EXPERIENCE_LINE) {
    const lines = Array.from(entry.querySelectorAll(lineSelector))
      .filter((line) => !isInside(line, entry, [entrySelector, ...EXPERIENCE_DESCRIPTION]))
      .map((line) => shownLine(line))
      .filter((line): line is string => line !== null);
    if (lines.length > 0) return lines;
  }
  return [];
}

function isOngoing(lines: readonly string[]): boolean {
  return lines.some((line) => DATE_RANGE.test(line) && ONGOING.test(line));
}

/** "Acme Robotics · Full-time" -> "Acme Robotics"; null when the second line is the dates. */
function companyLine(lines: readonly string[]): string | null {
  const line = lines[1];
  if (!line || DATE_RANGE.test(line)) return null;
  return line.split(' · ')[0]?.trim() || null;
}

/**
 * Current positions in the Experience section, in page order. A company entry with several
 * roles names the company on its first line and each role in a nested entry.
 */
function currentPositions(doc: Document): Position[] {
  const section = experienceSection(doc);
  if (!section) return [];
  const entrySelector = EXPERIENCE_ENTRY.find((selector) => section.querySelector(selector));
  if (!entrySelector) return [];
  const positions: Position[] = [];
  for (const entry of outermost(section, entrySelector)) {
    const lines = ownLines(entry, entrySelector);
    const roles = Array.from(entry.querySelectorAll(entrySelector));
    if (roles.length > 0) {
      const company = lines[0] ?? null;
      for (const role of roles) {
        const roleLines = ownLines(role, entrySelector);
        if (roleLines[0] && isOngoing(roleLines)) positions.push({ title: roleLines[0], company });
      }
    } else if (lines[0] && isOngoing(lines)) {
      positions.push({ title: lines[0], company: companyLine(lines) });
    }
  }
  return positions;
}

/** The current position, preferring the one the top card names when there are several. */
function currentPosition(doc: Document, cardCompany: string | null): Position | null {
  const positions = currentPositions(doc);
  return positions.find((position) => sameName(position.company, cardCompany)) ?? positions[0] ?? null;
}
