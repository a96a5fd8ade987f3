// The per-day chart of DeadlineProgressCard (recharts), in a chunk of its own: the applications
// that first reached each step on each Beijing day.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeadlineProgress } from '../dataProvider/aggregates.ts';

type Step = 'submitted' | 'endorsed' | 'recommended' | 'selected';

const colours: Record<Step, string> = { submitted: '#1976d2', endorsed: '#2e7d32', recommended: '#9c27b0', selected: '#ed6c02' };

export default function ProgressChart({ days, labels }: { days: DeadlineProgress['perDay']; labels: Record<Step, string> }) {
  // Steps nobody reached in this scope would only add empty legend entries.
  const shown = (Object.keys(colours) as Step[]).filter((step) => days.some((day) => day[step] > 0));
  const rows = days.map((day) => ({ ...day, day: day.date.slice(5) }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey="day" tick={{ fontSize: 11 }} minTickGap={12} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
        <Tooltip labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.date ?? '')} />
        {/* In the order of the steps, not sorted by name (recharts sorts by default). */}
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {shown.map((step) => (
          <Bar key={step} dataKey={step} name={labels[step]} stackId="day" fill={colours[step]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
