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
	/** Width when the page's is unknown (server rendering); otherwise the figure's, in CSS px. */
	width: 800,
	/** Room right of the longest bar for its value, at most half the width. */
	valueRoom: 320,
	labelHeight: 22,
	barHeight: 22,
	gap: 14,
	/** Average width of a character at the chart's 16px, to cut a label that would not fit. */
	charWidth: 8.5
} as const;

/** A label cut to the width: the table beside the chart keeps it whole. */
function cut(text: string, width: number): string {
	const max = Math.max(8, Math.floor(width / chartBox.charWidth));
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Rows of the chart `width` px wide, bars scaled to `max` (the largest value by
 * default); negatives draw as 0.
 */
export function barLayout(
	bars: readonly Bar[],
	max?: number,
	width: number = chartBox.width
): { height: number; rows: BarRow[] } {
	const top = max ?? bars.reduce((a, b) => Math.max(a, b.value), 0);
	const span = width - Math.min(chartBox.valueRoom, Math.round(width / 2));
	const step = chartBox.labelHeight + chartBox.barHeight + chartBox.gap;
	const rows = bars.map((bar, i) => ({
		label: cut(bar.label, width),
		text: bar.text,
		labelY: i * step + chartBox.labelHeight - 6,
		barY: i * step + chartBox.labelHeight,
		barWidth: top > 0 ? Math.round((Math.max(0, Math.min(bar.value, top)) / top) * span) : 0
	}));
	return { height: Math.max(step * bars.length - chartBox.gap, 1), rows };
}
