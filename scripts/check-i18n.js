// Guards against two silent failures: Paraglide compiling zero messages (it only
// warns when its plugin cannot load) and a key present in one language only.
import { readFileSync, readdirSync } from 'node:fs';

/** @param {string} locale @returns {Record<string, string>} */
const read = (locale) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8'));
/** @param {Record<string, string>} catalogue */
const keys = (catalogue) => Object.keys(catalogue).filter((k) => k !== '$schema');
const it = keys(read('it'));
const en = new Set(keys(read('en')));
const problems = [];
for (const k of it) if (!en.has(k)) problems.push(`missing in en: ${k}`);
for (const k of en) if (!it.includes(k)) problems.push(`missing in it: ${k}`);
const compiled = readdirSync('src/lib/paraglide/messages').filter(
	(f) => f.endsWith('.js') && f !== '_index.js'
);
if (compiled.length < it.length)
	problems.push(`Paraglide compiled ${compiled.length} messages for ${it.length} keys`);
if (problems.length) {
	console.error(`i18n check failed:\n  ${problems.join('\n  ')}`);
	process.exit(1);
}
console.log(`i18n: ${it.length} messages in it and en`);
