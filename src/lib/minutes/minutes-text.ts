import type { Block } from './minutes';

/**
 * A section's body as the facilitator edits it in a text box, and back (SPEC
 * M-V4). Blocks are separated by a blank line:
 *
 *   ## Sub-heading
 *   - an item            1. an ordered item
 *   | Nome | Ente |       a table: the first row names the columns; "<br>" is a
 *   | Anna | Auser |      line break inside a cell and "\|" a literal bar
 *   anything else is a paragraph (its line breaks are kept)
 *
 * Generated bodies read back exactly (a tested round trip).
 */
const bullet = /^[-*•]\s+/;
const numbered = /^\d+[.)]\s+/;

function escapeCell(cell: string): string {
	return cell.replaceAll('|', '\\|').replace(/\r?\n/g, '<br>');
}

function unescapeCell(cell: string): string {
	return cell
		.trim()
		.replaceAll('\\|', '|')
		.replace(/<br\s*\/?>/gi, '\n');
}

const tableLine = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;

export function blocksToText(blocks: Block[]): string {
	return blocks
		.map((b) => {
			if (b.type === 'heading') return `## ${b.text}`;
			if (b.type === 'paragraph') return b.text;
			if (b.type === 'list')
				return b.items.map((item, i) => (b.ordered ? `${i + 1}. ${item}` : `- ${item}`)).join('\n');
			return [b.columns, ...b.rows].map(tableLine).join('\n');
		})
		.join('\n\n');
}

function splitRow(line: string): string[] {
	const inner = line
		.trim()
		.replace(/^\|/, '')
		.replace(/(?<!\\)\|$/, '');
	return inner.split(/(?<!\\)\|/).map(unescapeCell);
}

function readTable(lines: string[]): Block {
	// A Markdown habit: "|---|---|" under the header is accepted and skipped.
	const rows = lines.filter((l) => !/^\|[\s|:-]+\|?$/.test(l.trim())).map(splitRow);
	const columns = rows[0] ?? [];
	const fit = (row: string[]) => columns.map((_, i) => row[i] ?? '');
	return { type: 'table', columns, rows: rows.slice(1).map(fit) };
}

function readList(lines: string[], marker: RegExp): Block {
	const items: string[] = [];
	for (const line of lines) {
		if (marker.test(line)) items.push(line.replace(marker, '').trim());
		else if (items.length) items[items.length - 1] += ` ${line.trim()}`;
	}
	return { type: 'list', ordered: marker === numbered, items };
}

function readBlock(lines: string[]): Block[] {
	const first = lines[0]!.trim();
	if (first.startsWith('## ')) {
		const heading: Block = { type: 'heading', text: first.slice(3).trim() };
		return lines.length > 1 ? [heading, ...readBlock(lines.slice(1))] : [heading];
	}
	if (lines.every((l) => l.trim().startsWith('|'))) return [readTable(lines)];
	if (bullet.test(first)) return [readList(lines, bullet)];
	if (numbered.test(first)) return [readList(lines, numbered)];
	return [{ type: 'paragraph', text: lines.map((l) => l.trimEnd()).join('\n') }];
}

/** The text of a section's box as blocks; blank input gives an empty body. */
export function textToBlocks(text: string): Block[] {
	const groups: string[][] = [[]];
	for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
		if (line.trim() === '') groups.push([]);
		else groups[groups.length - 1]!.push(line);
	}
	return groups.filter((g) => g.length > 0).flatMap(readBlock);
}
