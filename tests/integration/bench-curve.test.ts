// The cost curve's own reading of its figures (scripts/bench/curve.js): where
// the knee is, and the plot it draws from them.
import { describe, expect, it } from 'vitest';
import { curvePoints, kneesOf } from '../../scripts/bench/curve.js';
import { curveSvg } from '../../scripts/bench/curve-plot.js';

type Row = ReturnType<typeof rowOf>;

function figures(p95Ms: number | null) {
	return {
		p50Ms: p95Ms,
		p95Ms,
		updates: 100,
		deliveries: 2400,
		cpuMsPerUpdate: 1.5,
		cpuUsPerDelivery: 62.5,
		rssBeforeMb: 100,
		rssLoadedMb: 120,
		rssIdleMb: 110,
		rssPerBoardMb: -0.4,
		rssPerIdleBoardMb: 0.5,
		undelivered: 0,
		converged: true
	};
}

function rowOf(
	series: 'clients' | 'boards',
	size: number,
	ours: number | null,
	ref: number | null
) {
	return {
		series,
		boards: series === 'boards' ? size : 1,
		clientsPerBoard: series === 'clients' ? size : 25,
		ours: figures(ours),
		reference: figures(ref)
	};
}

const kneeOf = (rows: Row[], series: string, server: string) =>
	kneesOf(rows).find((k) => k.series === series && k.server === server)?.at;

describe('cost curve', () => {
	it('has the points of issue 16 at full scale', () => {
		const points = curvePoints(1);
		expect(points.filter((p) => p.series === 'clients').map((p) => p.clientsPerBoard)).toEqual([
			25, 50, 100, 200, 300
		]);
		expect(points.filter((p) => p.series === 'boards').map((p) => p.boards)).toEqual([
			1, 10, 25, 50
		]);
	});

	it.each([
		['past 100 ms', [10, 20, 40, 101, 300], '200 clients'],
		['doubling past 50 ms', [10, 20, 60, 90, 95], '100 clients'],
		['doubling below 50 ms is no knee', [5, 11, 23, 47, 90], null],
		['a point without updates is no knee', [null, 20, 30, 40, 45], null]
	])('[knee] %s', (_, p95s, knee) => {
		const rows = [25, 50, 100, 200, 300].map((n, i) => rowOf('clients', n, p95s[i] ?? null, 1));
		expect(kneeOf(rows, 'clients', 'ours')).toBe(knee);
		expect(kneeOf(rows, 'clients', 'reference')).toBe(null);
	});

	it('draws both servers in each panel, with the knee and a negative memory axis', () => {
		const rows = [
			...[25, 50, 100, 200, 300].map((n, i) => rowOf('clients', n, [10, 20, 40, 150, 300][i]!, 9)),
			...[1, 10, 25, 50].map((n) => rowOf('boards', n, 12, 11))
		];
		const svg = curveSvg(
			{ windowMs: 12_000, paceMs: 60_000, settleMs: 2_000, rows, knees: kneesOf(rows) },
			'test'
		);
		expect(svg.match(/<polyline /g)).toHaveLength(12);
		expect(svg).toContain('>knee<');
		expect(svg).toContain('>-0.5<');
		expect(svg).not.toMatch(/NaN|undefined|Infinity/);
	});
});
