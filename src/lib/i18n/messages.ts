import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

type MessageFn = (params?: Record<string, string | number>) => string;
const catalogue = m as unknown as Record<string, MessageFn | undefined>;

/**
 * A message chosen at run time (an enum value, an error code). Every key built
 * here has a fixed prefix, and the i18n check guarantees both languages have it;
 * an unknown key falls back to the key itself rather than crashing a page.
 */
export function message(key: string, params?: Record<string, string | number>): string {
	return catalogue[key]?.(params) ?? key;
}

export const label = {
	userRole: (v: string) => message(`role_${v}`),
	tavoloRole: (v: string) => message(`tavolo_role_${v}`),
	tavoloStatus: (v: string) => message(`tavolo_status_${v}`),
	subgroupKind: (v: string) => message(`subgroup_kind_${v}`),
	planStatus: (v: string) => message(`plan_status_${v}`),
	organizationType: (v: string) => message(`org_type_${v}`),
	sector: (v: string) => message(`sector_${v}`),
	roleLevel: (v: string) => message(`role_level_${v}`),
	meetingStatus: (v: string) => message(`meeting_status_${v}`),
	meetingMode: (v: string) => message(`meeting_mode_${v}`)
};

/** The reader's sentence for a validation error code, or undefined for no error. */
export function fieldError(code: string | undefined | null): string | undefined {
	return code ? message(`error_${code}`) : undefined;
}

/** A command's failure reason ("duplicate-name") as a sentence. */
export function reasonMessage(reason: string): string {
	return message(`error_${reason.replaceAll('-', '_')}`);
}

const dateFormats = {
	long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
	short: { day: 'numeric', month: 'short', year: 'numeric' }
} as const;

/** "martedì 1 dicembre 2026" for "2026-12-01", in the reader's language. */
export function formatDate(isoDay: string, style: keyof typeof dateFormats = 'long'): string {
	const locale = getLocale() === 'en' ? 'en-GB' : 'it-IT';
	return new Intl.DateTimeFormat(locale, { ...dateFormats[style], timeZone: 'UTC' }).format(
		new Date(`${isoDay}T00:00:00Z`)
	);
}

export function formatDateTime(epochMs: number): string {
	const locale = getLocale() === 'en' ? 'en-GB' : 'it-IT';
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Rome'
	}).format(new Date(epochMs));
}

export function formatNumber(value: number): string {
	return new Intl.NumberFormat(getLocale() === 'en' ? 'en-GB' : 'it-IT').format(value);
}
