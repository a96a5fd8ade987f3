// The bar chart of AreaCountsCard (recharts), in a chunk of its own: one bar per 推荐主管部门.
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AreaCount } from '../dataProvider/aggregates.ts';

export default function AreaChart({ rows }: { rows: AreaCount[] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 24 + 30)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 40, bottom: 0, left: 8 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={170} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="count" name="申报数" fill="#0288d1" isAnimationActive={false}>
          <LabelList dataKey="count" position="right" className="area-count-label" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
