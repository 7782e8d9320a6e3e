// How a refused message or capture is told: every problem as "<field>: <reason>", the same
// shape the database uses, and the one sentence a user sees.
import type { z } from 'zod';

function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`))
    .join('');
}

/** Every problem as "<field>: <reason>", the same shape the database uses. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${pathOf([...issue.path, key])}: unknown field`);
    }
    return [`${pathOf(issue.path) || 'capture'}: ${issue.message}`];
  });
}

/** Problems as the one sentence a user sees: the first, naming its field, and how many more. */
export function oneSentence(problems: readonly string[]): string {
  const [first = 'something is not right'] = problems;
  const more = problems.length - 1;
  return more > 0 ? `${first} (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : first;
}
