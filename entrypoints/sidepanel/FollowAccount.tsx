import { useEffect, useState } from 'preact/hooks';
import { FollowButton } from '../../components/FollowButton';
import { send } from '../../utils/send';
import type { AccountPanelProps } from './types';
import { handled } from '../../utils/handled';

/** Follow this account: its new entries then show in For you. Kept in this browser only. */
export function FollowAccount({ accountId, overview }: AccountPanelProps) {
  const [following, setFollowing] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void send('follow.get', { accountId }).then((result) => live && result.ok && setFollowing(result.data.following));
    return () => {
      live = false;
    };
  }, [accountId]);

  if (following === null) return null;
  return (
    <>
      <FollowButton
        accountName={overview.name}
        following={following}
        onChange={handled(async (follow) => {
          const result = await send('follow.set', { accountId, follow });
          if (result.ok) setFollowing(result.data.following);
          setError(result.ok ? null : result.error);
        })}
      />
      {error ? (
        <p role="alert" class="hc-error">
          {error}
        </p>
      ) : null}
    </>
  );
}
