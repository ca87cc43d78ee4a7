import { error } from '@sveltejs/kit';

/** The request body as JSON, or a 400 naming the problem. Size is bounded by the adapter. */
export async function readJson(request: Request): Promise<unknown> {
	if (!request.headers.get('content-type')?.includes('application/json')) {
		error(415, 'Content-Type must be application/json');
	}
	try {
		return await request.json();
	} catch {
		error(400, 'Malformed JSON body');
	}
}
