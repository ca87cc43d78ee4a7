import { render } from 'svelte/server';
import type { MinutesDocument as Minutes } from './minutes';
import MinutesDocument from './MinutesDocument.svelte';
import printCss from './minutes-print.css?raw';

/**
 * The verbale as one self-contained HTML page (SPEC M-V9): the same component
 * as the printable page, with its print stylesheet inlined, so the file prints
 * and reads the same when saved and opened elsewhere.
 */
const escapeHtml = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function minutesHtml(doc: Minutes, stamp: string): string {
	const { body } = render(MinutesDocument, { props: { doc, stamp, titleLevel: 1 } });
	return [
		'<!doctype html>',
		'<html lang="it">',
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(doc.title)}</title>`,
		`<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f24}${printCss}</style>`,
		'</head>',
		`<body><main>${body}</main></body>`,
		'</html>'
	].join('\n');
}
