import { useState, type ReactNode } from 'react';
import type { ColumnMapping, ImportPreview, ImportReport as Report } from '../../shared/contract/index.js';
import type { ApiError } from '../../shared/result.js';
import { useApi, useDialdeskEvent } from '../api/api-context.js';
import { ErrorMessage } from '../ui/error-message.js';
import { ImportReport } from './import-report.js';
import { MappingStep } from './mapping-step.js';
import { PreviewTable } from './preview-table.js';
import { FilePick } from '../ui/file-pick.js';
import { readFileAsBase64 } from '../ui/read-file.js';
import './import.css';

type Step =
  | { kind: 'pick'; busy: boolean }
  | { kind: 'mapping'; fileName: string; contentBase64: string; preview: ImportPreview; mapping: ColumnMapping; busy: boolean }
  | { kind: 'done'; report: Report };

/**
 * Pick a CSV → check the column mapping and first rows → import → see what was rejected and why.
 * `children` (the app puts the do-not-call import there) show under the file choice while no file is picked.
 */
export function ImportScreen({ onShowLeads, children }: { onShowLeads: () => void; children?: ReactNode }) {
  const api = useApi();
  const [step, setStep] = useState<Step>({ kind: 'pick', busy: false });
  const [error, setError] = useState<ApiError | null>(null);
  const [progress, setProgress] = useState<{ rows: number; fraction: number } | null>(null);
  useDialdeskEvent((event) => {
    if (event.type === 'import.progress' && step.kind === 'mapping' && event.fileName === step.fileName) setProgress({ rows: event.rows, fraction: event.fraction });
  });

  const pick = async (file: File) => {
    setError(null);
    setStep({ kind: 'pick', busy: true });
    const contentBase64 = await readFileAsBase64(file);
    const result = await api.previewImport({ fileName: file.name, contentBase64 });
    if (!result.ok) {
      setError(result.error);
      setStep({ kind: 'pick', busy: false });
      return;
    }
    const preview = result.value;
    setStep({ kind: 'mapping', fileName: file.name, contentBase64, preview, mapping: preview.mapping, busy: false });
  };

  const commit = async () => {
    if (step.kind !== 'mapping') return;
    setError(null);
    setStep({ ...step, busy: true });
    setProgress(null);
    const result = await api.commitImport({ fileName: step.fileName, contentBase64: step.contentBase64, mapping: step.mapping });
    setProgress(null);
    if (result.ok) setStep({ kind: 'done', report: result.value });
    else {
      setError(result.error);
      setStep({ ...step, busy: false });
    }
  };

  return (
    <div className="import-screen">
      <h1 className="screen-title">Import leads</h1>
      {step.kind === 'pick' ? (
        <section className="card" aria-labelledby="pick-title">
          <h2 id="pick-title">Choose a CSV file</h2>
          <p className="muted">
            Export your leads from the CRM as CSV. Dialdesk reads UTF-8 and Windows spreadsheets, skips report footers, and
            tells you exactly which rows it could not use.
          </p>
          <FilePick label="Choose CSV file" busyLabel="Reading the file…" busy={step.busy} primary onPick={(file) => void pick(file)} />
        </section>
      ) : null}
      {error ? <ErrorMessage error={error} title="The import did not go through" /> : null}
      {step.kind === 'mapping' ? (
        <>
          <section className="card file-summary" aria-label="File">
            <p>
              <strong>{step.preview.fileName}</strong> · {step.preview.rowCount.toLocaleString()} data rows ·{' '}
              {step.preview.encoding.toUpperCase()} · separated by {describeDelimiter(step.preview.delimiter)}
              {step.preview.footerLines > 0
                ? ` · ${step.preview.footerLines} footer ${step.preview.footerLines === 1 ? 'line' : 'lines'} ignored`
                : ''}
            </p>
          </section>
          <MappingStep preview={step.preview} mapping={step.mapping} onChange={(mapping) => setStep({ ...step, mapping })} />
          <PreviewTable preview={step.preview} />
          {step.busy ? <ImportProgress rows={progress?.rows ?? 0} total={step.preview.rowCount} fraction={progress?.fraction ?? 0} /> : null}
          <div className="actions sticky-actions">
            <button type="button" className="button button-primary" disabled={step.busy} onClick={commit}>
              {step.busy ? 'Importing…' : `Import ${step.preview.rowCount.toLocaleString()} rows`}
            </button>
            <button type="button" className="button" disabled={step.busy} onClick={() => setStep({ kind: 'pick', busy: false })}>
              Choose another file
            </button>
          </div>
        </>
      ) : null}
      {step.kind === 'done' ? (
        <ImportReport report={step.report} onShowLeads={onShowLeads} onImportAnother={() => setStep({ kind: 'pick', busy: false })} />
      ) : null}
      {step.kind === 'pick' ? children : null}
    </div>
  );
}

/** A large export takes seconds: the rep sees it move, and a screen reader hears where it is. */
function ImportProgress({ rows, total, fraction }: { rows: number; total: number; fraction: number }) {
  return (
    <div className="import-progress">
      <progress max={100} value={Math.round(100 * fraction)} aria-label="Import progress" />
      <span className="muted num" role="status" aria-live="polite">
        {Math.min(rows, total).toLocaleString()} of {total.toLocaleString()} rows read
      </span>
    </div>
  );
}

function describeDelimiter(delimiter: string): string {
  const names: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'pipes' };
  return names[delimiter] ?? `“${delimiter}”`;
}
