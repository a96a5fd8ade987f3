// The funnel of FunnelCard (recharts), in a chunk of its own.
import { Funnel, FunnelChart as Chart, LabelList, ResponsiveContainer, Tooltip } from 'recharts';

export interface FunnelRow {
  step: string;
  label: string;
  count: number;
  share: string;
}

const colours = ['#90caf9', '#1976d2', '#2e7d32', '#9c27b0', '#ed6c02'];

export default function FunnelChart({ rows }: { rows: FunnelRow[] }) {
  // A step nobody reached still shows as a sliver, so that the funnel keeps its five steps.
  const largest = Math.max(1, ...rows.map((row) => row.count));
  const data = rows.map((row, index) => ({ ...row, value: Math.max(row.count, largest * 0.04), fill: colours[index % colours.length], text: `${row.label} ${row.count}` }));
  return (
    <ResponsiveContainer width="100%" height={210}>
      {/* The labels stand to the right of the funnel, in dark text: a narrow step has no room inside. */}
      <Chart margin={{ top: 4, right: 120, bottom: 4, left: 4 }}>
        <Tooltip formatter={(_value, _name, item) => [`${item.payload.count}（${item.payload.share}）`, item.payload.label]} />
        <Funnel dataKey="value" data={data} isAnimationActive={false} lastShapeType="rectangle">
          <LabelList dataKey="text" position="right" fill="#333" stroke="none" style={{ fontSize: 12 }} />
        </Funnel>
      </Chart>
    </ResponsiveContainer>
  );
}
