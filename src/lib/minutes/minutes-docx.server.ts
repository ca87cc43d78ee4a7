import {
	AlignmentType,
	BorderStyle,
	Document,
	HeadingLevel,
	LevelFormat,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import type { Block, MinutesDocument } from './minutes';

/**
 * The verbale as a Word document (SPEC M-V9): a thin adapter over the model.
 * Headings for the title and sections, paragraphs, bulleted and numbered lists,
 * and real tables (foglio firme, vote results, objective fields) with a
 * repeated header row, so that LibreOffice and Word open it as people expect.
 */
const ORDERED = 'minutes-ordered';

/** Line breaks inside a paragraph or a cell become breaks, not new paragraphs. */
function runs(text: string, bold = false): TextRun[] {
	return text.split('\n').map((line, i) => new TextRun({ text: line, bold, break: i ? 1 : 0 }));
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const borders = { top: border, bottom: border, left: border, right: border };

function table(columns: string[], rows: string[][]): Table {
	const row = (cells: string[], header: boolean) =>
		new TableRow({
			tableHeader: header,
			children: cells.map(
				(cell) =>
					new TableCell({ borders, children: [new Paragraph({ children: runs(cell, header) })] })
			)
		});
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [row(columns, true), ...rows.map((r) => row(r, false))]
	});
}

function blockElements(block: Block, listIndex: () => number): (Paragraph | Table)[] {
	switch (block.type) {
		case 'heading':
			return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(block.text) })];
		case 'paragraph':
			return [new Paragraph({ children: runs(block.text) })];
		case 'list': {
			const instance = listIndex();
			return block.items.map(
				(item) =>
					new Paragraph({
						children: runs(item),
						...(block.ordered
							? { numbering: { reference: ORDERED, level: 0, instance } }
							: { bullet: { level: 0 } })
					})
			);
		}
		case 'table':
			// A paragraph after each table keeps two tables from fusing into one.
			return [table(block.columns, block.rows), new Paragraph({ children: [] })];
	}
}

export async function minutesDocx(doc: MinutesDocument, stamp: string): Promise<Buffer> {
	let lists = 0;
	const next = () => ++lists;
	const body: (Paragraph | Table)[] = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: runs(doc.title) }),
		new Paragraph({ children: runs(doc.subtitle) }),
		new Paragraph({ children: [new TextRun({ text: stamp, italics: true })] })
	];
	doc.sections.forEach((section, i) => {
		body.push(
			new Paragraph({
				heading: HeadingLevel.HEADING_1,
				children: runs(`${i + 1}. ${section.title}`)
			})
		);
		// One push per element: a list block has one per item, and spreading thousands overflows the stack.
		for (const block of section.blocks) for (const el of blockElements(block, next)) body.push(el);
	});
	const document = new Document({
		creator: 'Tavoli',
		title: doc.title,
		styles: {
			default: { document: { run: { font: 'Liberation Sans', language: { value: 'it-IT' } } } }
		},
		numbering: {
			config: [
				{
					reference: ORDERED,
					levels: [
						{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }
					]
				}
			]
		},
		sections: [{ children: body }]
	});
	return Packer.toBuffer(document);
}
