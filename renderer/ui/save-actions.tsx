/** A settings form's submit button and the line that confirms the save (announced to screen readers). */
export function SaveActions({ busy, saved, label, savedText, statusLabel }: { busy: boolean; saved: boolean; label: string; savedText: string; statusLabel?: string }) {
  return (
    <div className="actions">
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Saving…' : label}
      </button>
      <p role="status" className="status-line" aria-label={statusLabel}>
        {saved ? savedText : ''}
      </p>
    </div>
  );
}
