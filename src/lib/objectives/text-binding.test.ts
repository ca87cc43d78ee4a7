import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindText, type TextField } from './text-binding';
import { prng as random } from '../../../tests/support/prng';

/**
 * A textarea as the binding sees it, doing what a browser does for a key:
 * beforeinput (cancelable), the edit at the selection, the caret after the
 * inserted text, input. Setting `value` moves the caret to the end, as it does
 * in a browser: the binding has to put it back.
 */
class FakeField implements TextField {
	#value = '';
	selectionStart = 0;
	selectionEnd = 0;
	scrollTop = 0;
	readonly ownerDocument: { activeElement: unknown } = { activeElement: null };
	#listeners: Record<string, ((event: Event) => void)[]> = { beforeinput: [], input: [] };

	get value() {
		return this.#value;
	}
	set value(next: string) {
		if (next !== this.#value) this.selectionStart = this.selectionEnd = next.length;
		this.#value = next;
	}
	setSelectionRange(start: number, end: number) {
		this.selectionStart = start;
		this.selectionEnd = end;
	}
	addEventListener(type: string, listener: (event: Event) => void) {
		this.#listeners[type]!.push(listener);
	}
	removeEventListener(type: string, listener: (event: Event) => void) {
		this.#listeners[type] = this.#listeners[type]!.filter((l) => l !== listener);
	}
	focus(at = this.#value.length) {
		this.ownerDocument.activeElement = this;
		this.setSelectionRange(at, at);
	}

	type(chars: string) {
		for (const char of chars)
			this.#edit('insertText', char, this.selectionStart, this.selectionEnd);
	}
	paste(text: string) {
		this.#edit('insertFromPaste', text, this.selectionStart, this.selectionEnd);
	}
	backspace() {
		const from =
			this.selectionStart === this.selectionEnd ? this.selectionStart - 1 : this.selectionStart;
		this.#edit('deleteContentBackward', '', Math.max(0, from), this.selectionEnd);
	}

	#edit(inputType: string, insert: string, from: number, to: number) {
		let prevented = false;
		const before = { inputType, preventDefault: () => (prevented = true) };
		for (const l of this.#listeners.beforeinput!) l(before as unknown as Event);
		if (prevented) return;
		this.#value = this.#value.slice(0, from) + insert + this.#value.slice(to);
		this.setSelectionRange(from + insert.length, from + insert.length);
		for (const l of this.#listeners.input!) l({ inputType } as unknown as Event);
	}
}

/** One person's browser: a replica of the document, a bound field, updates not yet sent. */
interface Writer {
	doc: Y.Doc;
	text: Y.Text;
	field: FakeField;
	outbox: Uint8Array[];
	unbind: () => void;
}

function writers(initial: string, options = { mayWrite: () => true, maxLength: 5000 }) {
	const origin = new Y.Doc();
	origin.getText('t').insert(0, initial);
	const state = Y.encodeStateAsUpdate(origin);
	const make = (): Writer => {
		const doc = new Y.Doc();
		Y.applyUpdate(doc, state, 'remote');
		const text = doc.getText('t');
		const field = new FakeField();
		const outbox: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array, from: unknown) => from !== 'remote' && outbox.push(u));
		return { doc, text, field, outbox, unbind: bindText(text, field, options) };
	};
	return [make(), make()] as const;
}

/** The server forwarding what `from` has sent so far to `to`. */
function deliver(from: Writer, to: Writer, count = from.outbox.length) {
	for (const update of from.outbox.splice(0, count)) Y.applyUpdate(to.doc, update, 'remote');
}

const voucher = 'Voucher sollievo per le famiglie che assistono un anziano';
const opening = 'Apertura di 10 nuovi posti nel centro diurno';

describe('[O6] two people typing at one place in the same field', () => {
	it('keeps each sentence in one piece when updates cross after every keystroke', () => {
		const [anna, bruno] = writers('Obiettivi: ');
		anna.field.focus();
		bruno.field.focus();
		const longest = Math.max(voucher.length, opening.length);
		for (let i = 0; i < longest; i++) {
			// Both press a key before either sees the other's: the updates cross.
			anna.field.type(voucher[i] ?? '');
			bruno.field.type(opening[i] ?? '');
			deliver(anna, bruno);
			deliver(bruno, anna);
		}
		const result = anna.text.toString();
		expect(bruno.text.toString()).toBe(result);
		expect(anna.field.value).toBe(result);
		expect(bruno.field.value).toBe(result);
		expect(result).toContain(voucher);
		expect(result).toContain(opening);
		expect(result.startsWith('Obiettivi: ')).toBe(true);
	});

	// Sentences that start alike or meet on equal letters: there a diff of the whole
	// value (the code before issue 13) could not tell whose letter was new, and
	// interleaved them in about one schedule in five.
	const pairs = [
		[voucher, opening],
		['Assistenza a domicilio la sera', 'Apertura di 10 nuovi posti'],
		['Voucher sollievo.', 'Voucher trasporto.'],
		[' sollievo per le famiglie', ' di 10 nuovi posti'],
		['aaaa bbbb', 'aaaa cccc']
	] as const;
	for (const [first, second] of pairs) {
		it(`keeps each sentence in one piece whatever the network does: ${JSON.stringify([first, second])}`, () => {
			for (let seed = 1; seed <= 200; seed++) {
				const next = random(seed);
				const [anna, bruno] = writers('Prima. Dopo.');
				anna.field.focus(7);
				bruno.field.focus(7);
				const left = [
					{ who: anna, other: bruno, rest: [...first] },
					{ who: bruno, other: anna, rest: [...second] }
				];
				while (left.some((w) => w.rest.length > 0 || w.who.outbox.length > 0)) {
					const w = left[Math.floor(next() * 2)]!;
					const roll = next();
					if (roll < 0.6 && w.rest.length > 0) w.who.field.type(w.rest.shift()!);
					else if (w.who.outbox.length > 0)
						deliver(w.who, w.other, 1 + Math.floor(next() * w.who.outbox.length));
				}
				const result = anna.text.toString();
				const label = `seed ${seed}: ${JSON.stringify(result)}`;
				expect(bruno.text.toString(), label).toBe(result);
				expect([anna.field.value, bruno.field.value], label).toEqual([result, result]);
				expect(result, label).toContain(first);
				expect(result, label).toContain(second);
				expect(result.startsWith('Prima. '), label).toBe(true);
				expect(result.endsWith('Dopo.'), label).toBe(true);
			}
		});
	}

	it('keeps the words in one piece when both also correct mistakes with backspace', () => {
		const [anna, bruno] = writers('');
		anna.field.focus();
		bruno.field.focus();
		const steps: [Writer, string][] = [
			[anna, 'Vocu'],
			[bruno, 'Apre'],
			[anna, '\b\b\boucher'],
			[bruno, '\b\bertura'],
			[anna, ' sollievo'],
			[bruno, ' di posti']
		];
		for (const [who, keys] of steps) {
			for (const key of keys) {
				if (key === '\b') who.field.backspace();
				else who.field.type(key);
				deliver(who, who === anna ? bruno : anna);
			}
		}
		expect(anna.text.toString()).toBe(bruno.text.toString());
		expect(anna.text.toString()).toContain('Voucher sollievo');
		expect(anna.text.toString()).toContain('Apertura di posti');
	});
});

describe('[O6] other people’s edits keep my caret and selection', () => {
	it('moves my caret with text inserted before it, not with text inserted at it or after', () => {
		const [anna, bruno] = writers('Ridurre isolamento');
		anna.field.focus(7);
		bruno.text.insert(0, 'Obiettivo: ');
		deliver(bruno, anna);
		expect(anna.field.value).toBe('Obiettivo: Ridurre isolamento');
		expect([anna.field.selectionStart, anna.field.selectionEnd]).toEqual([18, 18]);
		bruno.text.insert(18, ' l’');
		bruno.text.insert(bruno.text.length, ' serale');
		deliver(bruno, anna);
		expect(anna.field.value).toBe('Obiettivo: Ridurre l’ isolamento serale');
		expect([anna.field.selectionStart, anna.field.selectionEnd]).toEqual([18, 18]);
	});

	it('keeps a selection around its text and collapses it when that text goes', () => {
		const [anna, bruno] = writers('uno due tre');
		anna.field.focus();
		anna.field.setSelectionRange(4, 7);
		bruno.text.insert(4, '>');
		bruno.text.insert(0, 'zero ');
		deliver(bruno, anna);
		expect(anna.field.value).toBe('zero uno >due tre');
		expect(anna.field.value.slice(anna.field.selectionStart, anna.field.selectionEnd)).toBe('due');
		bruno.text.delete(9, 5);
		deliver(bruno, anna);
		expect(anna.field.value).toBe('zero uno tre');
		expect([anna.field.selectionStart, anna.field.selectionEnd]).toEqual([9, 9]);
	});

	it('keeps the caret when bound again to a fresh copy of the text', () => {
		const [anna, bruno] = writers('copia nuova');
		anna.field.focus(5);
		anna.unbind();
		bindText(bruno.text, anna.field, { mayWrite: () => true, maxLength: 5000 });
		expect([anna.field.selectionStart, anna.field.selectionEnd]).toEqual([5, 5]);
		anna.field.type('!');
		expect(bruno.text.toString()).toBe('copia! nuova');
	});

	it('updates a field without focus and leaves its scroll where it was', () => {
		const [anna, bruno] = writers('testo');
		anna.field.scrollTop = 40;
		bruno.text.insert(5, ' lungo');
		deliver(bruno, anna);
		expect(anna.field.value).toBe('testo lungo');
		expect(anna.field.scrollTop).toBe(40);
	});
});

describe('local edits', () => {
	it('writes one insert at the caret even among repeated characters', () => {
		const [anna, bruno] = writers('aab');
		anna.field.focus(0);
		anna.field.type('a');
		// Bruno typed at the end of "aa" meanwhile: his "X" stays after both old a's.
		bruno.text.insert(2, 'X');
		deliver(anna, bruno);
		deliver(bruno, anna);
		expect(anna.text.toString()).toBe('aaaXb');
		// The first character is Anna's: her "a" went where her caret was.
		expect(anna.text._start?.id.client).toBe(anna.doc.clientID);
	});

	it('drops control characters from what is typed or pasted, and shows what was kept', () => {
		const [anna] = writers('Riga');
		anna.field.focus();
		anna.field.paste(' uno\u000Bdue\u0000 fine');
		expect(anna.text.toString()).toBe('Riga uno\ndue fine');
		expect(anna.field.value).toBe('Riga uno\ndue fine');
		expect(anna.field.selectionEnd).toBe(anna.field.value.length);
	});

	it('shows "\\r\\n" as a textarea does, and writes it as "\\n" at the first edit', () => {
		const [anna] = writers('uno\r\ndue\rtre');
		expect(anna.field.value).toBe('uno\ndue\ntre');
		anna.field.focus();
		anna.field.type('!');
		expect(anna.text.toString()).toBe('uno\ndue\ntre!');
		expect(anna.field.value).toBe('uno\ndue\ntre!');
	});

	it('deletes with backspace and over a selection', () => {
		const [anna] = writers('anziani soli');
		anna.field.focus();
		anna.field.backspace();
		expect(anna.text.toString()).toBe('anziani sol');
		anna.field.setSelectionRange(0, 8);
		anna.field.type('A');
		expect(anna.text.toString()).toBe('Asol');
	});

	it('writes nothing, and shows the shared text, when writing is not allowed', () => {
		let open = true;
		const [anna] = writers('chiuso', { mayWrite: () => open, maxLength: 5000 });
		anna.field.focus();
		open = false;
		anna.field.type('x');
		anna.field.paste('y');
		expect(anna.text.toString()).toBe('chiuso');
		expect(anna.field.value).toBe('chiuso');
	});

	it('cuts what would take the text past the server’s bound (O5)', () => {
		const [anna] = writers('12345', { mayWrite: () => true, maxLength: 8 });
		anna.field.focus();
		anna.field.paste('abcdef');
		expect(anna.text.toString()).toBe('12345abc');
		expect(anna.field.value).toBe('12345abc');
	});

	it('stops both ways when unbound', () => {
		const [anna, bruno] = writers('fermo');
		anna.unbind();
		anna.field.focus();
		anna.field.type('!');
		bruno.text.insert(0, '>');
		deliver(bruno, anna);
		expect(anna.text.toString()).toBe('>fermo');
		expect(anna.field.value).toBe('fermo!');
	});
});
