/** The customer's words an item came from: the entry it was said in, quoted as filed. */
export function PlanWords({ excerpt }: { excerpt: string | null }) {
  if (!excerpt) return null;
  return (
    <p class="hc-plan-words">
      <span class="hc-muted">In their words: </span>
      <span class="hc-plan-words__quote">“{excerpt}”</span>
    </p>
  );
}
