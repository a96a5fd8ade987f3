// The bars of ProgrammeHistoryCard (recharts), in a chunk of its own: per year, how many filed,
// were recommended, selected, placed and completed.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { historySteps, type HistoryRow } from './programmeHistoryRows.ts';

const colours = ['#90caf9', '#1976d2', '#2e7d32', '#9c27b0', '#ed6c02'];

export default function HistoryChart({ rows, labels }: { rows: HistoryRow[]; labels: Record<(typeof historySteps)[number], string> }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey="roundName" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip />
        {/* In the order of the steps, not sorted by name (recharts sorts by default). */}
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
        {historySteps.map((step, index) => (
          <Bar key={step} dataKey={step} name={labels[step]} fill={colours[index]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
