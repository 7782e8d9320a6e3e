import { useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS } from '../utils/limits';
import type { Membership } from '../utils/messages';

/** How colleagues see me next to my entries in this organization. */
export function ProfileForm({
  org,
  busy,
  onSave,
}: {
  org: Membership;
  busy: boolean;
  onSave: (profile: { displayName: string; department: string | null }) => void;
}) {
  const [displayName, setDisplayName] = useState(org.display_name ?? '');
  const [department, setDepartment] = useState(org.department ?? '');
  // Re-read only when the saved profile changes, so typing right after the page opens is kept.
  const saved = `${org.org_id}\n${org.display_name ?? ''}\n${org.department ?? ''}`;
  const shown = useRef(saved);
  useEffect(() => {
    if (shown.current === saved) return;
    shown.current = saved;
    setDisplayName(org.display_name ?? '');
    setDepartment(org.department ?? '');
  }, [saved]);

  return (
    <form
      class="hc-stack"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ displayName: displayName.trim(), department: department.trim() || null });
      }}
    >
      <h3>Your profile in {org.org_name}</h3>
      <p class="hc-muted">Shown next to your entries so colleagues know whom to ask. Department never limits what anyone sees.</p>
      <label>
        Display name
        <input required maxLength={LIMITS.name} value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
      </label>
      <label>
        Department
        <input
          maxLength={LIMITS.department}
          list="departments"
          placeholder="Sales, Support, Marketing…"
          value={department}
          onInput={(e) => setDepartment(e.currentTarget.value)}
        />
        <datalist id="departments">
          <option value="Sales" />
          <option value="Support" />
          <option value="Marketing" />
          <option value="Customer success" />
        </datalist>
      </label>
      <button type="submit" disabled={busy}>
        Save profile
      </button>
    </form>
  );
}
