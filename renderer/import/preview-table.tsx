import type { ImportPreview } from '../../shared/contract/index.js';

/** The first rows as the core parsed them, so the rep can check the columns line up. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">First rows</h2>
      <div className="table-scroll">
        <table className="data-table" aria-labelledby="preview-title">
          <thead>
            <tr>
              {preview.headers.map((header, index) => (
                <th key={index} scope="col">
                  {header || `Column ${index + 1}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sampleRows.map((row, r) => (
              <tr key={r}>
                {preview.headers.map((_, c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
