/** Follow an account: new entries on it then show in For you. Where it is kept is said beside
 * the button, because it matters (pact rule 8): the server never learns what anyone follows. */
export function FollowButton({
  accountName,
  following,
  onChange,
}: {
  accountName: string;
  following: boolean;
  onChange: (follow: boolean) => void;
}) {
  return (
    <p class="hc-follow hc-row">
      <button
        type="button"
        class="hc-follow__button"
        aria-pressed={following}
        title={following ? `You follow ${accountName}; press to stop` : `Show new entries on ${accountName} in For you`}
        onClick={() => onChange(!following)}
      >
        <span aria-hidden="true">{following ? '✓ ' : '+ '}</span>
        Follow
      </button>
      <span class="hc-muted">Only this browser knows what you follow.</span>
    </p>
  );
}
