// The cost curve as a small SVG line chart, written by the bench itself: one
// column per series (clients per board, boards per process), one row per
// figure (p95 propagation, CPU per update, memory per board), ours and the
// reference as two lines. No chart library: a few paths and labels.
import { labelOf } from './curve.js';

/** @typedef {import('./curve.js').Curve} Curve */
/** @typedef {import('./curve.js').CurveRow} CurveRow */
/** @typedef {import('./curve.js').CurveFigures} CurveFigures */

const PANEL = { width: 360, height: 170, left: 56, right: 16, top: 28, bottom: 34 };
const SERVERS = /** @type {const} */ ([
	{ key: 'ours', label: 'Tavoli', color: '#1f4e8c', dash: '' },
	{ key: 'reference', label: 'y-websocket (reference)', color: '#c05a00', dash: '6 4' }
]);
/** @type {{ title: string; value: (f: CurveFigures) => number | null }[]} */
const FIGURES = [
	{ title: 'p95 propagation, ms', value: (f) => f.p95Ms },
	{ title: 'server CPU per update, ms', value: (f) => f.cpuMsPerUpdate },
	{ title: 'RSS per board, MB', value: (f) => f.rssPerBoardMb }
];
const SERIES = /** @type {const} */ ([
	{ key: 'clients', title: 'clients per board (1 board)' },
	{ key: 'boards', title: 'boards per process' }
]);

/** @param {string} text */
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A round upper bound for an axis: 1, 2 or 5 times a power of ten. @param {number} max */
function niceMax(max) {
	if (!(max > 0)) return 1;
	const power = 10 ** Math.floor(Math.log10(max));
	return ([1, 2, 5, 10].find((m) => m * power >= max) ?? 10) * power;
}

/**
 * @param {CurveRow[]} rows @param {(f: CurveFigures) => number | null} value
 * @param {string} title @param {{ x: number; y: number }} at @param {string | null} knee
 */
function panel(rows, value, title, at, knee) {
	const w = PANEL.width - PANEL.left - PANEL.right;
	const h = PANEL.height - PANEL.top - PANEL.bottom;
	const values = rows.flatMap((r) => SERVERS.map((s) => value(r[s.key]) ?? 0));
	const top = niceMax(Math.max(...values));
	// Memory per board can come out below zero at small points, where a garbage
	// collection frees more than the boards take: the axis then goes below zero.
	// At least a fifth of the height, so that the labels of 0 and of the bottom stay apart.
	const least = Math.min(...values);
	const low = least < 0 ? -Math.max(niceMax(-least), top / 5) : 0;
	const x = (/** @type {number} */ i) =>
		at.x + PANEL.left + (rows.length > 1 ? (i * w) / (rows.length - 1) : w / 2);
	const y = (/** @type {number} */ v) => at.y + PANEL.top + h - ((v - low) / (top - low)) * h;
	const parts = [
		`<text x="${at.x + PANEL.left}" y="${at.y + 16}" class="title">${escape(title)}</text>`,
		`<line x1="${at.x + PANEL.left}" y1="${y(low)}" x2="${at.x + PANEL.left + w}" y2="${y(low)}" class="axis"/>`,
		`<line x1="${at.x + PANEL.left}" y1="${y(low)}" x2="${at.x + PANEL.left}" y2="${y(top)}" class="axis"/>`
	];
	for (const tick of low < 0 ? [low, 0, top] : [0, top / 2, top])
		parts.push(
			`<text x="${at.x + PANEL.left - 6}" y="${y(tick) + 4}" class="tick" text-anchor="end">${+tick.toPrecision(3)}</text>`,
			`<line x1="${at.x + PANEL.left}" y1="${y(tick)}" x2="${at.x + PANEL.left + w}" y2="${y(tick)}" class="grid"/>`
		);
	rows.forEach((r, i) => {
		const label = r.series === 'clients' ? String(r.clientsPerBoard) : String(r.boards);
		parts.push(
			`<text x="${x(i)}" y="${y(low) + 16}" class="tick" text-anchor="middle">${label}</text>`
		);
		if (knee === labelOf(r))
			parts.push(
				`<line x1="${x(i)}" y1="${y(low)}" x2="${x(i)}" y2="${y(top)}" class="knee"/>`,
				`<text x="${x(i) + 4}" y="${y(top) + 10}" class="tick">knee</text>`
			);
	});
	for (const s of SERVERS) {
		const points = rows
			.map((r, i) => ({ i, v: value(r[s.key]) }))
			.filter((p) => p.v !== null)
			.map((p) => `${x(p.i).toFixed(1)},${y(/** @type {number} */ (p.v)).toFixed(1)}`);
		parts.push(
			`<polyline points="${points.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2" stroke-dasharray="${s.dash}"/>`,
			...points.map((p) => {
				const [cx, cy] = p.split(',');
				return `<circle cx="${cx}" cy="${cy}" r="3" fill="${s.color}"/>`;
			})
		);
	}
	return parts.join('\n');
}

/**
 * The chart: columns per series, rows per figure, the knee of our server marked.
 * @param {Curve} curve @param {string} subtitle @returns {string}
 */
export function curveSvg(curve, subtitle) {
	const width = PANEL.width * SERIES.length;
	const height = 72 + PANEL.height * FIGURES.length;
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
		'<style>.title{font-size:12px;font-weight:bold}.tick{font-size:10px;fill:#333}.axis{stroke:#333}.grid{stroke:#ddd}.knee{stroke:#999;stroke-dasharray:2 3}</style>',
		`<rect width="${width}" height="${height}" fill="#fff"/>`,
		`<text x="12" y="20" class="title">${escape(`Tavoli cost curve — ${subtitle}`)}</text>`
	];
	SERVERS.forEach((s, i) => {
		const lx = 12 + i * 200;
		parts.push(
			`<line x1="${lx}" y1="36" x2="${lx + 24}" y2="36" stroke="${s.color}" stroke-width="2" stroke-dasharray="${s.dash}"/>`,
			`<text x="${lx + 30}" y="40" class="tick">${escape(s.label)}</text>`
		);
	});
	SERIES.forEach((series, col) => {
		const rows = curve.rows.filter((r) => r.series === series.key);
		const knee = curve.knees.find((k) => k.series === series.key && k.server === 'ours')?.at;
		const each = series.key === 'boards' ? ` (${rows[0]?.clientsPerBoard ?? 0} clients each)` : '';
		parts.push(
			`<text x="${col * PANEL.width + PANEL.left}" y="64" class="title">${escape(series.title + each)}</text>`
		);
		FIGURES.forEach((figure, row) => {
			parts.push(
				panel(
					rows,
					figure.value,
					figure.title,
					{ x: col * PANEL.width, y: 68 + row * PANEL.height },
					knee ?? null
				)
			);
		});
	});
	parts.push('</svg>');
	return `${parts.join('\n')}\n`;
}
