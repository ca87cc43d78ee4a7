/** Account roles. What each may do is decided in access.ts, nowhere else. */
export const UserRole = {
	admin: 'admin',
	facilitator: 'facilitator',
	participant: 'participant',
	observer: 'observer'
} as const;
export type UserRole = (typeof UserRole)[keyof typeof UserRole];
export const userRoles = Object.values(UserRole) as [UserRole, ...UserRole[]];

export function isUserRole(value: unknown): value is UserRole {
	return typeof value === 'string' && (userRoles as string[]).includes(value);
}
