import { error } from '@sveltejs/kit';

/** A numeric route parameter, or 404: "/tavoli/abc" names nothing. */
export function idParam(value: string): number {
	const id = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
	if (!Number.isSafeInteger(id) || id <= 0) error(404, 'Not found');
	return id;
}

/** The row, or 404 when it does not exist. */
export function found<T>(row: T | undefined | null): T {
	if (row === undefined || row === null) error(404, 'Not found');
	return row;
}
