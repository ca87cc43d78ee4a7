/**
 * Case-, accent- and punctuation-blind key for matching names people type:
 * organisations and their aliases, comuni, the foglio firme, sheet headers.
 */
export function nameKey(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}
