/**
 * A horizontal bar chart for named categories: one row per category, its label on the left (wrapping,
 * never overlapping the next, in either language), the bar and its value on the right. Rows are
 * sorted largest first.
 */
export function ReasonBars({ points, testId }: { points: Array<{ label: string; value: number }>; testId?: string }) {
  if (points.length === 0) return <div style={{ height: 60, color: '#999', display: 'grid', placeItems: 'center' }} data-testid={testId}>—</div>;
  const max = Math.max(1, ...points.map((p) => p.value));
  const rows = [...points].sort((a, b) => b.value - a.value);
  return (
    <div className="reason-bars" role="img" data-testid={testId}>
      {rows.map((p) => (
        <div className="reason-bar-row" key={p.label} title={`${p.label}: ${p.value}`}>
          <span className="reason-bar-label">{p.label}</span>
          <span className="reason-bar-track">
            <span className="reason-bar" style={{ width: `${(p.value / max) * 100}%` }} />
            <span className="reason-bar-value">{p.value}</span>
          </span>
        </div>
      ))}
    </div>
  );
}
