import { z } from 'zod';
import {
	enumField,
	optionalEmail,
	optionalIdField,
	optionalText,
	requiredText
} from '$lib/forms/fields';
import { organizationTypes, roleLevels, sectors } from './organization-types';

/** Aliases arrive one per line (forms) or separated by ";" / "|" (spreadsheets). */
export const aliasesField = z
	.union([z.string(), z.array(z.string())])
	.default('')
	.transform((v) =>
		(Array.isArray(v) ? v : v.split(/[\n;|]/)).map((a) => a.trim()).filter((a) => a.length > 0)
	)
	.pipe(z.array(z.string().max(200, { error: 'too_long' })).max(20, { error: 'too_many' }));

export const organizationInput = z.object({
	name: requiredText(200),
	aliases: aliasesField,
	type: enumField(organizationTypes),
	sector: enumField(sectors),
	email: optionalEmail
});
export type OrganizationInput = z.output<typeof organizationInput>;

export const personInput = z.object({
	fullName: requiredText(160),
	email: optionalEmail,
	phone: optionalText(40),
	organizationId: optionalIdField,
	jobTitle: optionalText(160),
	roleLevel: enumField(roleLevels)
});
export type PersonInput = z.output<typeof personInput>;
