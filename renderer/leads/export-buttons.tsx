import { useState } from 'react';
import type { ApiError } from '../../shared/result.js';
import { useApi } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { downloadText, exportFileName, UTF8_BOM } from '../ui/download.js';

type Kind = 'leads' | 'attempts';

/** "Export leads (CSV)" and "Export attempt history (CSV)": the core writes the CSV, the browser saves it. */
export function ExportButtons() {
  const api = useApi();
  const [busy, setBusy] = useState<Kind | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');

  const exportKind = async (kind: Kind) => {
    setBusy(kind);
    setError(null);
    setDone('');
    const result = await api.exportCsv({ kind });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const fileName = exportFileName(kind);
    downloadText(fileName, UTF8_BOM + result.value);
    setDone(`Exported ${fileName}`);
  };

  return (
    <div className="export-buttons" role="group" aria-label="Export">
      <button type="button" className="button" disabled={busy !== null} onClick={() => void exportKind('leads')}>
        {busy === 'leads' ? 'Exporting…' : 'Export leads (CSV)'}
      </button>
      <button type="button" className="button" disabled={busy !== null} onClick={() => void exportKind('attempts')}>
        {busy === 'attempts' ? 'Exporting…' : 'Export attempt history (CSV)'}
      </button>
      <span role="status" className="export-status muted">
        {done}
      </span>
      {error ? <ErrorMessage error={error} title="The export did not work" /> : null}
    </div>
  );
}
