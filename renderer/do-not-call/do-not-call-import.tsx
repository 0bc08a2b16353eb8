import { useId, useState } from 'react';
import type { CallOutput } from '../../shared/contract/index.js';
import { useApi } from '../api/api-context.js';
import { useApiAction } from '../ui/use-api-action.js';
import { ErrorMessage } from '../ui/error-message.js';
import { FilePick } from '../ui/file-pick.js';
import { readFileAsBase64 } from '../ui/read-file.js';
import { RejectedRowsTable } from '../ui/rejected-rows-table.js';
import './do-not-call.css';

type Report = CallOutput<'importDoNotCall'> & { fileName: string };

/** Pick a CSV of numbers that must never be dialled; the core adds them to its do-not-call list. */
export function DoNotCallImport() {
  const api = useApi();
  const titleId = useId();
  const { busy, error, run } = useApiAction();
  const [report, setReport] = useState<Report | null>(null);

  const pick = async (file: File) => {
    setReport(null);
    const result = await run(async () => api.importDoNotCall({ fileName: file.name, contentBase64: await readFileAsBase64(file) }));
    if (result.ok) setReport({ ...result.value, fileName: file.name });
  };

  const already = report ? report.total - report.added : 0;
  return (
    <section className="card dnc-import" aria-labelledby={titleId}>
      <h2 id={titleId}>Do-not-call list</h2>
      <p className="muted">
        A CSV of numbers that must never be dialled, such as an opt-out list from your CRM. Leads with these numbers show “Do not
        call” and Dialdesk refuses to dial them.
      </p>
      <FilePick label="Choose do-not-call CSV" busyLabel="Reading the list…" busy={busy} onPick={(file) => void pick(file)} />
      {error ? <ErrorMessage error={error} title="The do-not-call list was not imported" /> : null}
      {report ? (
        <div className="dnc-report">
          <p className="report-summary" role="status">
            {report.added.toLocaleString()} {report.added === 1 ? 'number' : 'numbers'} added to the do-not-call list from {report.fileName}
            {already > 0 ? ` (${already.toLocaleString()} already on it)` : ''}.
            {report.rejected.length > 0
              ? ` ${report.rejected.length.toLocaleString()} ${report.rejected.length === 1 ? 'row was' : 'rows were'} not used.`
              : ''}
          </p>
          {report.rejected.length > 0 ? (
            <RejectedRowsTable label="Do-not-call rows not used" rows={report.rejected} />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
