import { describe, expect, it } from 'vitest';
import { barLayout, chartBox } from './bar-chart';

describe('bar chart geometry', () => {
	const span = chartBox.width - chartBox.valueRoom;

	it('scales bars to the largest value and stacks them', () => {
		const { rows, height } = barLayout([
			{ label: 'Casa', value: 8, text: '8 punti' },
			{ label: 'Trasporti', value: 4, text: '4 punti' }
		]);
		expect(rows.map((r) => r.barWidth)).toEqual([span, span / 2]);
		expect(rows[1]!.barY).toBeGreaterThan(rows[0]!.barY + chartBox.barHeight);
		expect(height).toBe(rows[1]!.barY + chartBox.barHeight);
	});

	it('draws nothing for zero, negative or no values, and cuts long labels', () => {
		expect(barLayout([{ label: 'a', value: 0, text: '0' }]).rows[0]!.barWidth).toBe(0);
		expect(barLayout([{ label: 'a', value: -2, text: '-2' }], 4).rows[0]!.barWidth).toBe(0);
		expect(barLayout([]).rows).toEqual([]);
		const long = barLayout([{ label: 'x'.repeat(200), value: 1, text: '1' }]).rows[0]!;
		expect(long.label).toHaveLength(Math.floor(chartBox.width / chartBox.charWidth));
		expect(long.label.endsWith('…')).toBe(true);
	});

	it('fits a narrow figure: half of it at most for the value', () => {
		const [row] = barLayout([{ label: 'Casa', value: 1, text: '1 punto' }], 1, 300).rows;
		expect(row!.barWidth).toBe(150);
	});
});
