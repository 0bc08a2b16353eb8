import { useId, type ChangeEvent } from 'react';

const CSV_FILES = '.csv,.txt,text/csv';

interface Props {
  label: string;
  /** Shown on the button while the picked file is being read. */
  busyLabel: string;
  busy: boolean;
  primary?: boolean;
  accept?: string;
  onPick: (file: File) => void;
}

/**
 * A button that opens the file chooser (a styled label over a hidden input). The input is
 * cleared after each pick, so choosing the same file again (after fixing it) is seen.
 */
export function FilePick({ label, busyLabel, busy, primary = false, accept = CSV_FILES, onPick }: Props) {
  const id = useId();
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onPick(file);
  };
  return (
    <>
      <label className={`button${primary ? ' button-primary' : ''} file-button`} htmlFor={id} aria-disabled={busy}>
        {busy ? busyLabel : label}
      </label>
      <input id={id} className="visually-hidden" type="file" accept={accept} disabled={busy} onChange={pick} />
    </>
  );
}
