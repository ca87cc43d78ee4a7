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
import { A4, RULE, run } from './plan-docx-tables.server';

/**
 * The house frame of the plan's Word documents (SPEC PO5a), shared by the objectives
 * chapter (plan-docx.server.ts) and the resoconto degli esiti (monitoring M40): cover,
 * table of contents, numbered chapters, running header and footer with page numbers,
 * A4 pages in portrait or landscape, the same fonts and heading styles.
 */

/** What the cover prints besides the document's title. */
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
export class Outline {
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

/** A paragraph of body text under a heading. */
export const intro = (text: string) =>
	new Paragraph({ spacing: { after: 160 }, children: [run(text)] });

/** The cover: Ambito, title, what the document is, period, version and date, then a page break. */
export function cover(title: string, subject: string, c: PlanDocxCover): Paragraph[] {
	const line = (text: string, size: number, bold = false, before = 0) =>
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { before, after: 120 },
			children: [run(text, { size, bold })]
		});
	return [
		line(c.ambito, 32, true, 2400),
		line(title, 44, true, 1200),
		line(subject, 32, false, 240),
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
export function contents(outline: Outline): (Paragraph | TableOfContents)[] {
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

/** The running header (`header`, ruled below) and the «Pagina N di M» footer. */
function pageFrame(header: string) {
	return {
		headers: {
			default: new Header({
				children: [
					new Paragraph({ border: { bottom: RULE }, children: [run(header, { size: 16 })] })
				]
			})
		},
		footers: {
			default: new Footer({
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
			})
		}
	};
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

export interface FrameSection {
	orientation: 'portrait' | 'landscape';
	children: (Paragraph | DocxTable | TableOfContents)[];
}

/** The document in the house style: every section with the running header and the footer. */
export function framedDocx(
	title: string,
	header: string,
	sections: readonly FrameSection[]
): Promise<Buffer> {
	const frame = pageFrame(header);
	const doc = new Document({
		title,
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
			config: [{ reference: CHAPTERS, levels: [chapterLevel(0, '%1.'), chapterLevel(1, '%1.%2')] }]
		},
		sections: sections.map((s) => ({
			properties: page(s.orientation),
			...frame,
			children: s.children
		}))
	});
	return Packer.toBuffer(doc);
}
