// Pages hand async work to callers that ignore the promise (JSX handlers, listeners).
// Most of that work reports its own failures (send() never throws); what still escapes is a
// bug, and it is logged here rather than lost as an unhandled rejection.

/** A sync handler for async work: a failure the work did not handle is logged with its cause. */
export function handled<A extends unknown[]>(work: (...args: A) => Promise<unknown>, what = 'an action'): (...args: A) => void {
  return (...args) => {
    work(...args).catch((error: unknown) => console.error(`Highcard: ${what} failed unexpectedly:`, error));
  };
}
