// The bar chart of StatusCountsCard (recharts), in a chunk of its own.
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface StatusRow {
  status: string;
  label: string;
  count: number;
}

export default function StatusChart({ rows }: { rows: StatusRow[] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 30 + 20)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 40, bottom: 0, left: 8 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="count" fill="#1976d2" isAnimationActive={false}>
          <LabelList dataKey="count" position="right" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
