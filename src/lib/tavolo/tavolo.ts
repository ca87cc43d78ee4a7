import { z } from 'zod';
import { enumField, idField, idList, optionalText, requiredText } from '$lib/forms/fields';
import { subgroupKinds, tavoloRoles, tavoloStatuses } from './tavolo-roles';

export const tavoloInput = z.object({
	name: requiredText(200),
	workThemes: optionalText(2000),
	scope: optionalText(6000),
	status: enumField(tavoloStatuses),
	policyAreaIds: idList
});
export type TavoloInput = z.output<typeof tavoloInput>;

export const memberInput = z.object({
	personId: idField,
	role: enumField(tavoloRoles)
});

export const memberRoleInput = z.object({
	memberId: idField,
	role: enumField(tavoloRoles)
});

export const subgroupInput = z.object({
	name: requiredText(120),
	kind: enumField(subgroupKinds),
	description: optionalText(1000),
	personIds: idList
});
export type SubgroupInput = z.output<typeof subgroupInput>;
