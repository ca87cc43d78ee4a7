import type { Actor } from '$lib/auth/access';

declare global {
	namespace App {
		interface Locals {
			/** The logged-in account, or null. Set by hooks.server.ts on every request. */
			actor: Actor | null;
			authSessionId: string | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
