import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every endpoint the app serves, read from src/routes: pages (GET), their form
 * actions (POST ?/name) and +server.ts handlers with their methods. The access
 * matrix test checks that it has an expectation for each one, so a new route
 * cannot ship without one.
 */
export interface Endpoint {
	/** Route pattern, e.g. "/tavoli/[tavoloId]/edit". */
	route: string;
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Form action name for POSTs to a page ("default" for the unnamed one). */
	action?: string;
}

const routesDir = join(process.cwd(), 'src', 'routes');

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

function routeOf(file: string): string {
	const dir = relative(routesDir, join(file, '..')).split(sep).join('/');
	return dir === '' ? '/' : `/${dir}`;
}

function actionNames(source: string): string[] {
	const start = source.indexOf('export const actions');
	if (start < 0) return [];
	return [...source.slice(start).matchAll(/^\t(\w+): /gm)].map((m) => m[1]!);
}

export function listEndpoints(): Endpoint[] {
	const endpoints: Endpoint[] = [];
	for (const file of walk(routesDir)) {
		const route = routeOf(file);
		const name = file.split(sep).at(-1);
		if (name === '+page.svelte') endpoints.push({ route, method: 'GET' });
		if (name === '+page.server.ts') {
			for (const action of actionNames(readFileSync(file, 'utf8')))
				endpoints.push({ route, method: 'POST', action });
		}
		if (name === '+server.ts') {
			const source = readFileSync(file, 'utf8');
			for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
				endpoints.push({ route, method: m[1] as Endpoint['method'] });
			}
		}
	}
	// A page that only redirects (logout) has a load but no +page.svelte.
	for (const file of walk(routesDir).filter((f) => f.endsWith('+page.server.ts'))) {
		const route = routeOf(file);
		if (!endpoints.some((e) => e.route === route && e.method === 'GET'))
			endpoints.push({ route, method: 'GET' });
	}
	return endpoints;
}

export const endpointKey = (e: Endpoint) =>
	`${e.method} ${e.route}${e.action ? ` ?/${e.action}` : ''}`;
