interface RejectedRow {
  row: number;
  reason: string;
  /** The row's content, when there is one worth showing (a lead row; not a single number). */
  excerpt?: string;
}

/** Rows a file import did not use, each with its reason, so the rep can fix them in the source. */
export function RejectedRowsTable({ label, rows }: { label: string; rows: RejectedRow[] }) {
  const withExcerpt = rows.some((r) => r.excerpt !== undefined);
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Reason</th>
            {withExcerpt ? <th scope="col">Row content</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.row}-${row.reason}`}>
              <td className="num">{row.row}</td>
              <td>{row.reason}</td>
              {withExcerpt ? (
                <td>
                  <code className="excerpt">{row.excerpt}</code>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
