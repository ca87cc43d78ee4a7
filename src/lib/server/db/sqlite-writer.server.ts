import {
	MessageChannel,
	receiveMessageOnPort,
	Worker,
	type MessagePort
} from 'node:worker_threads';

/** A statement the writer thread prepares: its SQL and the names of its placeholders, in order. */
export interface WriterStatement {
	sql: string;
	params: string[];
}

/** One statement to run, with its placeholders' values. */
export type WriteOp = [statement: string, values: Record<string, unknown>];

/** A transaction's outcome: the row id each op made, in order, or why it rolled back. */
export type WriteOutcome = { ok: true; rowids: number[] } | { ok: false; error: Error };

type Reply =
	{ id: number; ok: true; rowids: number[] } | { id: number; ok: false; message: string };

/** How long `settle` waits between looks at a writer thread that may have died. */
const SETTLE_POLL_MS = 100;

/** A drizzle query built with `sql.placeholder`, as the writer thread prepares it. */
export function writerStatement(query: {
	toSQL(): { sql: string; params: unknown[] };
}): WriterStatement {
	const { sql, params } = query.toSQL();
	return { sql, params: params.map(placeholderName) };
}

function placeholderName(param: unknown): string {
	const inner = (param as { value?: unknown }).value ?? param;
	const name = (inner as { name?: unknown }).name;
	if (typeof name !== 'string') throw new Error('writer statements take placeholders only');
	return name;
}

/**
 * Transactions run by a writer thread with its own connection to the same
 * SQLite file (WAL: the event loop's connection keeps reading meanwhile).
 * `run` returns at once and calls back, on the event loop, once the commit is
 * on disk; transactions commit in the order run. `settle` blocks until every
 * one is done, for the callers that must see them stored before going on. If
 * the thread dies, every transaction waiting and every later one fails: the
 * caller stores on its own connection instead.
 */
export class SqliteWriter {
	private readonly worker: Worker;
	private readonly port: MessagePort;
	private readonly signal = new Int32Array(new SharedArrayBuffer(4));
	private readonly waiting = new Map<number, (outcome: WriteOutcome) => void>();
	private nextId = 1;
	private broken: Error | null = null;

	constructor(path: string, statements: Record<string, WriterStatement>, script: URL | string) {
		const { port1, port2 } = new MessageChannel();
		this.port = port1;
		this.worker = new Worker(script, {
			workerData: { path, statements, port: port2, signal: this.signal },
			transferList: [port2]
		});
		this.port.on('message', (reply: Reply) => this.receive(reply));
		this.worker.on('error', (err) => this.fail(err));
		this.worker.on('exit', (code) => this.fail(new Error(`writer thread exited (code ${code})`)));
		this.idle();
	}

	/** Runs `ops` in one transaction on the writer thread; `done` is called once it is committed or rolled back. */
	run(ops: WriteOp[], done: (outcome: WriteOutcome) => void): void {
		if (this.broken) return done({ ok: false, error: this.broken });
		const id = this.nextId++;
		this.waiting.set(id, done);
		if (this.waiting.size === 1) this.busy();
		this.port.postMessage({ id, ops });
	}

	/** Blocks until every transaction run so far is done and its callback has run. */
	settle(): void {
		while (this.waiting.size > 0) {
			const seen = Atomics.load(this.signal, 0);
			const message = receiveMessageOnPort(this.port);
			if (message) {
				this.receive(message.message as Reply);
				continue;
			}
			// A dead thread answers nothing, and its exit event cannot fire while we block.
			if (this.worker.threadId < 0) this.fail(new Error('writer thread stopped'));
			else Atomics.wait(this.signal, 0, seen, SETTLE_POLL_MS);
		}
	}

	/** False once the thread has died or been closed: nothing runs there any more. */
	get working(): boolean {
		return this.broken === null;
	}

	/** Waits for what is under way, then stops the thread. */
	async close(): Promise<void> {
		this.settle();
		this.broken ??= new Error('writer closed');
		await this.worker.terminate();
	}

	private receive(reply: Reply): void {
		const done = this.waiting.get(reply.id);
		if (!done) return;
		this.waiting.delete(reply.id);
		if (this.waiting.size === 0) this.idle();
		done(reply.ok ? reply : { ok: false, error: new Error(reply.message) });
	}

	private fail(err: Error): void {
		if (this.broken) return;
		this.broken = err;
		console.error('SQLite writer thread failed: storing on the event loop from now on', err);
		for (const [id, done] of [...this.waiting]) {
			this.waiting.delete(id);
			done({ ok: false, error: err });
		}
		this.idle();
	}

	/** An idle writer does not keep the process alive; one with commits under way does. */
	private idle(): void {
		this.worker.unref();
		this.port.unref();
	}

	private busy(): void {
		this.worker.ref();
		this.port.ref();
	}
}
