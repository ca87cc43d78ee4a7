import { documentStoreContract } from './document-store.contract';
import { MemoryDocumentStore } from './document-store';

documentStoreContract('memory', () => {
	const store = new MemoryDocumentStore<{ n: number }>();
	return {
		store,
		docIds: ['one', 'two'],
		participants: ['p1', 'p2'],
		record: (n) => ({ n }),
		reopen: () => store,
		cleanup: () => undefined
	};
});
