import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { createAccount } from '$lib/auth/account-commands.server';
import { MIN_PASSWORD_LENGTH } from '$lib/auth/account';
import { userRoles } from '$lib/auth/roles';
import { prepareDatabase } from '../app';
import type { ServerConfig } from '../config';

const usage = `Usage: npm run user:add -- --email E --role R [--password P] [--name N]
  R is one of: ${userRoles.join(', ')}
  Without --password the password is asked for (at least ${MIN_PASSWORD_LENGTH} characters).`;

/** `npm run user:add`: creates an account in the configured database. Returns the exit code. */
export async function runUserAdd(args: string[], config: ServerConfig): Promise<number> {
	let values;
	try {
		({ values } = parseArgs({
			args,
			options: {
				email: { type: 'string' },
				role: { type: 'string' },
				password: { type: 'string' },
				name: { type: 'string' }
			}
		}));
	} catch (err) {
		console.error(`${(err as Error).message}\n${usage}`);
		return 2;
	}
	if (!values.email || !values.role) {
		console.error(usage);
		return 2;
	}
	const password = values.password ?? (await askPassword());
	const database = prepareDatabase(config);
	try {
		const result = await createAccount(
			database.db,
			{
				email: values.email,
				role: values.role as never,
				password,
				displayName: values.name ?? values.email.split('@')[0] ?? values.email
			},
			Date.now()
		);
		if (result.ok) {
			console.log(`Account created: ${values.email} (${values.role})`);
			return 0;
		}
		if (result.reason === 'email-taken')
			console.error(`An account with e-mail ${values.email} already exists.`);
		else
			for (const issue of result.issues ?? [])
				console.error(`${issue.path.join('.')}: ${describe(issue.message)}`);
		return 1;
	} finally {
		database.close();
	}
}

function describe(code: string): string {
	const messages: Record<string, string> = {
		invalid_email: 'not a valid e-mail address',
		password_too_short: `at least ${MIN_PASSWORD_LENGTH} characters`,
		invalid_choice: `must be one of ${userRoles.join(', ')}`,
		required: 'required'
	};
	return messages[code] ?? code;
}

/** Reads a password from the terminal without echoing it. */
function askPassword(): Promise<string> {
	return new Promise((resolve) => {
		const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		const output = rl as unknown as {
			_writeToOutput: (s: string) => void;
			output: NodeJS.WriteStream;
		};
		let muted = false;
		output._writeToOutput = (s: string) => {
			if (!muted) output.output.write(s);
		};
		rl.question('Password: ', (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
		muted = true;
	});
}
