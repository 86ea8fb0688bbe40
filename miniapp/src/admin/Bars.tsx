/** A bar chart in plain SVG (no chart library): one bar per point, value on top, label below. */
export function Bars({ points, height = 140 }: { points: Array<{ label: string; value: number }>; height?: number }) {
  if (points.length === 0) return <div style={{ height, color: '#999', display: 'grid', placeItems: 'center' }}>—</div>;
  const max = Math.max(1, ...points.map((p) => p.value));
  const slot = 40;
  const width = points.length * slot;
  const plot = height - 30;
  const small = points.length > 10;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" height={height} role="img">
      {points.map((p, i) => {
        const h = (p.value / max) * (plot - 14);
        const x = i * slot + 6;
        return (
          <g key={`${p.label}-${i}`}>
            <rect x={x} y={plot - h} width={slot - 12} height={h} fill="#1677ff" rx={2}>
              <title>{`${p.label}: ${p.value}`}</title>
            </rect>
            {(!small || p.value > 0) && <text x={x + (slot - 12) / 2} y={plot - h - 3} fontSize={10} textAnchor="middle" fill="#333">{Math.round(p.value * 10) / 10}</text>}
            {(!small || i % 5 === 0) && <text x={x + (slot - 12) / 2} y={height - 10} fontSize={10} textAnchor="middle" fill="#666">{p.label}</text>}
          </g>
        );
      })}
    </svg>
  );
}
