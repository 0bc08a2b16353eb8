import type { ImportReport as Report } from '../../shared/contract/index.js';
import { RejectedRowsTable } from '../ui/rejected-rows-table.js';

interface Props {
  report: Report;
  onShowLeads: () => void;
  onImportAnother: () => void;
}

/** What the import did: how many rows became leads, and each rejected row with its reason. */
export function ImportReport({ report, onShowLeads, onImportAnother }: Props) {
  const rejected = report.rejectedCount;
  const unlisted = report.rejectedCount - report.rejected.length;
  return (
    <section className="card" aria-labelledby="report-title">
      <h2 id="report-title">Import finished</h2>
      <p className="report-summary" role="status">
        Imported {report.imported.toLocaleString()} of {report.total.toLocaleString()} rows from {report.fileName}.
        {rejected > 0 ? ` ${rejected.toLocaleString()} ${rejected === 1 ? 'row was' : 'rows were'} not imported.` : ''}
      </p>
      {rejected > 0 ? (
        <RejectedRowsTable label="Rows not imported" rows={report.rejected} />
      ) : null}
      {unlisted > 0 ? (
        <p className="muted">
          The first {report.rejected.length.toLocaleString()} are listed; {unlisted.toLocaleString()} more were rejected too. The command line
          lists them all: <code>npm run cli -- import FILE --report rejected.csv</code>.
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onShowLeads}>
          Show leads
        </button>
        <button type="button" className="button" onClick={onImportAnother}>
          Import another file
        </button>
      </div>
    </section>
  );
}
