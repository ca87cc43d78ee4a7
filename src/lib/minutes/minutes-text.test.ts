import { describe, expect, it } from 'vitest';
import { buildMinutes } from './minutes';
import { minutesFixture } from './minutes-fixture';
import { blocksToText, textToBlocks } from './minutes-text';

describe('[M-V4] a section body as text in the facilitator’s box', () => {
	it('reads every generated section back unchanged', () => {
		for (const section of buildMinutes(minutesFixture()).sections)
			expect(textToBlocks(blocksToText(section.blocks)), section.key).toEqual(section.blocks);
	});

	it.each([
		['', []],
		['  \n\n ', []],
		['## Titolo', [{ type: 'heading', text: 'Titolo' }]],
		[
			'## Titolo\nsubito sotto',
			[
				{ type: 'heading', text: 'Titolo' },
				{ type: 'paragraph', text: 'subito sotto' }
			]
		],
		['riga uno\nriga due', [{ type: 'paragraph', text: 'riga uno\nriga due' }]],
		[
			'- uno\n  continua\n* due',
			[{ type: 'list', ordered: false, items: ['uno continua', 'due'] }]
		],
		['1. primo\n2) secondo', [{ type: 'list', ordered: true, items: ['primo', 'secondo'] }]],
		[
			'| Nome | Ente |\n|---|---|\n| Anna | A \\| B |\n| Bruno<br>Neri |',
			[
				{
					type: 'table',
					columns: ['Nome', 'Ente'],
					rows: [
						['Anna', 'A | B'],
						['Bruno\nNeri', '']
					]
				}
			]
		]
	])('%j', (text, blocks) => {
		expect(textToBlocks(text)).toEqual(blocks);
	});

	it('writes tables with escaped bars and line breaks', () => {
		expect(
			blocksToText([{ type: 'table', columns: ['A', 'B'], rows: [['x|y', 'riga\naltra']] }])
		).toBe('| A | B |\n| x\\|y | riga<br>altra |');
	});
});
