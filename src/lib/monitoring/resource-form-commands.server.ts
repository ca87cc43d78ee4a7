import type { FieldErrors } from '$lib/forms/form-data';
import type { Db } from '$lib/server/db/database';
import { saveEvaluation, type Actor, type ObjectiveRef } from './monitoring-commands.server';
import { refusalStatus } from './monitoring-context.server';
import { actionsFromForm, budgetFromForm, evaluationFromForm } from './resource-forms';
import { saveActions, saveBudget } from './resources-commands.server';

export type ResourceKind = 'actions' | 'budget' | 'evaluation';

export interface ResourceRequest {
	ref: ObjectiveRef;
	kind: ResourceKind;
	form: FormData;
	actor: Actor;
}

type Saved = { ok: true } | { ok: false; status: number; errors: FieldErrors };

/**
 * [M15–M17] One of the objective page's resource forms, read into the API's body and
 * saved by the API's command: the same validation and the same refusals as the API.
 * A refusal is a status (400 bad input, 404 an objective not of the plan) and the
 * problems by field, the command's reason under `_form`.
 */
export function saveResource(db: Db, request: ResourceRequest): Saved {
	const { ref, kind, form, actor } = request;
	return kind === 'actions'
		? run(actionsFromForm(form), (body) => saveActions(db, ref, body, actor))
		: kind === 'budget'
			? run(budgetFromForm(form), (body) => saveBudget(db, ref, body, actor))
			: run(evaluationFromForm(form), (body) => saveEvaluation(db, ref, body, actor));
}

function run<T>(
	read: { ok: true; data: T } | { ok: false; errors: FieldErrors },
	save: (body: T) => { ok: true } | { ok: false; reason: string }
): Saved {
	if (!read.ok) return { ok: false, status: 400, errors: read.errors };
	const saved = save(read.data);
	if (saved.ok) return { ok: true };
	return {
		ok: false,
		status: refusalStatus(saved.reason),
		errors: { _form: saved.reason.replaceAll('-', '_') }
	};
}
