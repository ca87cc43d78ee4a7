/**
 * The geometry of a horizontal bar chart, drawn as plain SVG by `BarChart.svelte`
 * (printable, no script). Pure: bars in, rows with their coordinates out. Each
 * bar has its label on a line above it and its value written at its end, so a
 * long label never runs into the bar.
 */
export interface Bar {
	label: string;
	value: number;
	/** The value as people read it, written after the bar ("12 punti"). */
	text: string;
}

export interface BarRow {
	label: string;
	text: string;
	labelY: number;
	barY: number;
	barWidth: number;
}

export const chartBox = {
	width: 800,
	/** Room right of the longest bar for its value. */
	valueRoom: 320,
	labelHeight: 22,
	barHeight: 22,
	gap: 14,
	/** Characters of a label before it is cut: the table beside the chart keeps it whole. */
	labelMax: 70
} as const;

const cut = (text: string) =>
	text.length > chartBox.labelMax ? `${text.slice(0, chartBox.labelMax - 1)}…` : text;

/** Rows of the chart, bars scaled to `max` (the largest value by default); negatives draw as 0. */
export function barLayout(bars: readonly Bar[], max?: number): { height: number; rows: BarRow[] } {
	const top = max ?? bars.reduce((a, b) => Math.max(a, b.value), 0);
	const span = chartBox.width - chartBox.valueRoom;
	const step = chartBox.labelHeight + chartBox.barHeight + chartBox.gap;
	const rows = bars.map((bar, i) => ({
		label: cut(bar.label),
		text: bar.text,
		labelY: i * step + chartBox.labelHeight - 6,
		barY: i * step + chartBox.labelHeight,
		barWidth: top > 0 ? Math.round((Math.max(0, Math.min(bar.value, top)) / top) * span) : 0
	}));
	return { height: Math.max(step * bars.length - chartBox.gap, 1), rows };
}
