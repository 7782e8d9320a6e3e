// For you in the panel: follow the account in view (kept in this browser only) and, once a
// signed-in panel opens, let the background check for new items (at most once a minute).
import { useEffect, useState } from 'preact/hooks';
import type { SessionState } from '../messages';
import { send } from '../send';

export interface FollowModel {
  accountName: string;
  following: boolean;
  onChange: (follow: boolean) => void;
}

/** Follow for the one account the team's answer matched; null while unknown or ambiguous. */
export function useFollow(account: { id: string; name: string } | null): FollowModel | null {
  const [following, setFollowing] = useState<boolean | null>(null);
  const id = account?.id ?? null;
  useEffect(() => {
    setFollowing(null);
    if (!id) return;
    let live = true;
    void send('follow.get', { accountId: id }).then((result) => live && result.ok && setFollowing(result.data.following));
    return () => {
      live = false;
    };
  }, [id]);
  if (!account || following === null) return null;
  return {
    accountName: account.name,
    following,
    onChange: (follow) =>
      void send('follow.set', { accountId: account.id, follow }).then((result) => result.ok && setFollowing(result.data.following)),
  };
}

/** A panel opening is one of the moments For you is checked (no polling loop of its own). */
export function useForYouCheck(session: SessionState | null): void {
  const ready = Boolean(session?.user && session.activeOrgId);
  useEffect(() => {
    if (ready) void send('forYou.check', {});
  }, [ready, session?.activeOrgId]);
}
