import { message } from '$lib/i18n/messages';
import type { PlanIssue } from './plan-checks';

/** Reader's sentences for the plan-objective codes (status, checks, import problems). */
export const poLabel = {
	status: (v: string) => message(`po_status_${v}`),
	decision: (v: string) => message(`po_decision_${v}`),
	issue: (i: PlanIssue) =>
		message(`po_check_${i.code.replaceAll('-', '_')}`, {
			area: 'macroArea' in i ? i.macroArea : '',
			count: 'count' in i ? i.count : 0,
			field: 'field' in i ? i.field : '',
			other: 'other' in i ? i.other : 0,
			otherField: 'otherField' in i ? i.otherField : '',
			fields: 'fields' in i ? i.fields.map((f) => `«${f}»`).join(', ') : ''
		}),
	problem: (p: string) => {
		const [code, ...rest] = p.split(' ');
		const key = `po_problem_${code!.replaceAll('-', '_')}`;
		const text = message(key, { detail: rest.join(' ') });
		return text === key ? p : text;
	}
};
