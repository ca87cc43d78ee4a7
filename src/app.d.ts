import type { Guest } from '$lib/attendance/guest-session.server';
import type { Actor } from '$lib/auth/access';

declare global {
	namespace App {
		interface Locals {
			/** The logged-in account, or null. Set by hooks.server.ts on every request. */
			actor: Actor | null;
			authSessionId: string | null;
			/** A guest who joined one incontro with its code, or null. */
			guest: Guest | null;
		}
		interface Error {
			message: string;
			/** Set on an unexpected 500: the id under which hooks.server.ts logged it. */
			id?: string;
		}
	}
}

export {};
