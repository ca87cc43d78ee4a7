import {
	AlignmentType,
	Document,
	Footer,
	Header,
	HeadingLevel,
	LeaderType,
	LevelFormat,
	Packer,
	PageBreak,
	PageNumber,
	PageOrientation,
	Paragraph,
	Table as DocxTable,
	TableOfContents,
	TextRun,
	type ISectionOptions
} from 'docx';
import {
	A4,
	compactTable,
	fieldTable,
	groupedTable,
	notes,
	RULE,
	run
} from './plan-docx-tables.server';
import type { PlanTables } from './plan-tables';

/**
 * The plan's objectives chapter as a Word document laid out as real Piani di Zona
 * print it (SPEC PO5a): a cover, a table of contents, numbered chapters, running
 * header and footer with page numbers, the griglie in portrait and the tick grids
 * in landscape, compact enough for the matrix to fit one or two pages. Nothing here
 * decides content: it lays out `plan-tables.ts`.
 */

/** What the cover prints besides the tables' title. */
export interface PlanDocxCover {
	ambito: string;
	period: string;
	/** The day of the last change, as a reader writes it ("4 dicembre 2026"). */
	date: string;
	version: string;
}

/**
 * Arial, which every Word has and LibreOffice on Debian draws with Liberation Sans
 * (fonts-liberation: same widths, so the pages break where Word breaks them).
 */
const FONT = 'Arial';
const LANGUAGE = { value: 'it-IT' };
const CHAPTERS = 'chapters';
/**
 * The chapter's headings, numbered by a Word list (1., 2., 2.1) and remembered with
 * the same numbers for the table of contents.
 */
class Outline {
	readonly entries: { title: string; level: number }[] = [];
	#chapter = 0;
	#section = 0;

	heading(text: string, level: 1 | 2 | 3): Paragraph {
		if (level === 1) [this.#chapter, this.#section] = [this.#chapter + 1, 0];
		if (level === 2) this.#section++;
		const number = [`${this.#chapter}.`, `${this.#chapter}.${this.#section}`, ''][level - 1];
		this.entries.push({ title: number ? `${number} ${text}` : text, level });
		return new Paragraph({
			heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1],
			numbering: level < 3 ? { reference: CHAPTERS, level: level - 1 } : undefined,
			keepNext: true,
			children: [run(text)]
		});
	}
}

const intro = (text: string) => new Paragraph({ spacing: { after: 160 }, children: [run(text)] });

function cover(tables: PlanTables, c: PlanDocxCover): Paragraph[] {
	const line = (text: string, size: number, bold = false, before = 0) =>
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { before, after: 120 },
			children: [run(text, { size, bold })]
		});
	return [
		line(c.ambito, 32, true, 2400),
		line(tables.title, 44, true, 1200),
		line('Obiettivi del Piano di Zona', 32, false, 240),
		line(`Periodo di programmazione ${c.period}`, 24, false, 1200),
		line(`Versione ${c.version}`, 22, false, 1800),
		line(`Aggiornata al ${c.date}`, 22),
		new Paragraph({ children: [new PageBreak()] })
	];
}

/**
 * A Word TOC field written with its entries, so LibreOffice, which does not update
 * fields, shows them; without page numbers, which only a layout of the pages knows
 * (docx/layout's estimate takes seconds of CPU, too long for a server in a live
 * session). The field is written dirty: Word fills in the pages when it opens the file.
 */
function contents(outline: Outline): (Paragraph | TableOfContents)[] {
	return [
		new Paragraph({ spacing: { after: 240 }, children: [run('Indice', { size: 32, bold: true })] }),
		new TableOfContents('Indice', {
			hyperlink: true,
			headingStyleRange: '1-3',
			cachedEntries: outline.entries,
			tabLeader: LeaderType.NONE
		}),
		new Paragraph({ children: [new PageBreak()] })
	];
}

function objectivesPart(tables: PlanTables, outline: Outline): (Paragraph | DocxTable)[] {
	const body: (Paragraph | DocxTable)[] = [
		outline.heading('Quadro degli obiettivi', 1),
		intro(
			`Elenco degli obiettivi del Piano di Zona (n. ${tables.grids.length}), per area di policy.`
		),
		groupedTable(tables.overview),
		outline.heading('Griglie analitiche', 1)
	];
	let section: string | undefined;
	for (const grid of tables.grids) {
		if (grid.section !== section) body.push(outline.heading((section = grid.section ?? ''), 2));
		body.push(outline.heading(grid.title.replace(/^Obiettivo (\d+)\. /, '$1 | '), 3));
		body.push(fieldTable(grid), ...notes(grid));
	}
	return body;
}

function gridsPart(tables: PlanTables, outline: Outline): (Paragraph | DocxTable)[] {
	// A grid no objective ticks (a 2021-2023 plan has no punti chiave) would print a header and zeros.
	const keyPoints = tables.keyPointTables.filter((t) => t.rows.length > 0);
	return [
		outline.heading('Raccordo tra obiettivi e macro-aree di policy regionali', 1),
		compactTable(tables.matrix),
		...notes(tables.matrix),
		...(keyPoints.length ? [outline.heading('Punti chiave per macro-area', 1)] : []),
		...keyPoints.flatMap((t) => [outline.heading(t.title, 2), compactTable(t), ...notes(t)])
	];
}

function pageFrame(tables: PlanTables, c: PlanDocxCover) {
	const header = new Header({
		children: [
			new Paragraph({
				border: { bottom: RULE },
				children: [run(`${c.ambito} · ${tables.title}`, { size: 16 })]
			})
		]
	});
	const footer = new Footer({
		children: [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [
					new TextRun({
						size: 16,
						children: ['Pagina ', PageNumber.CURRENT, ' di ', PageNumber.TOTAL_PAGES]
					})
				]
			})
		]
	});
	return { headers: { default: header }, footers: { default: footer } };
}

function page(orientation: 'portrait' | 'landscape'): ISectionOptions['properties'] {
	const margin = { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin };
	return {
		page: {
			size:
				orientation === 'portrait'
					? { width: A4.short, height: A4.long }
					: { width: A4.short, height: A4.long, orientation: PageOrientation.LANDSCAPE },
			margin: { ...margin, header: A4.edge, footer: A4.edge }
		}
	};
}

const headingStyle = (id: string, name: string, size: number, before: number) => ({
	id,
	name,
	basedOn: 'Normal',
	next: 'Normal',
	quickFormat: true,
	run: { font: FONT, size, bold: true, color: '1F3A5F', language: LANGUAGE },
	paragraph: { spacing: { before, after: 120 }, keepNext: true }
});

/** Chapters 1., 2. and sections 2.1, 2.2 as real plans number them (6.2, 6.3, 6.4). */
const chapterLevel = (level: number, text: string) => ({
	level,
	format: LevelFormat.DECIMAL,
	text,
	alignment: AlignmentType.START,
	style: { paragraph: { indent: { left: 850, hanging: 850 } } }
});

export async function planDocx(tables: PlanTables, c: PlanDocxCover): Promise<Buffer> {
	const frame = pageFrame(tables, c);
	const outline = new Outline();
	const portrait = objectivesPart(tables, outline);
	const landscape = gridsPart(tables, outline);
	const doc = new Document({
		title: tables.title,
		creator: 'Tavoli',
		styles: {
			default: { document: { run: { font: FONT, size: 20, language: LANGUAGE } } },
			paragraphStyles: [
				headingStyle('Heading1', 'Heading 1', 30, 360),
				headingStyle('Heading2', 'Heading 2', 24, 280),
				headingStyle('Heading3', 'Heading 3', 21, 240)
			]
		},
		numbering: {
			config: [
				{
					reference: CHAPTERS,
					levels: [chapterLevel(0, '%1.'), chapterLevel(1, '%1.%2')]
				}
			]
		},
		sections: [
			{
				properties: page('portrait'),
				...frame,
				children: [...cover(tables, c), ...contents(outline), ...portrait]
			},
			{ properties: page('landscape'), ...frame, children: landscape }
		]
	});
	return Packer.toBuffer(doc);
}
