import { cardPolicy, clusterPolicy } from '$lib/board/card-policy';
import { Root } from '$lib/board/board-doc';
import type { BoardWriteContext } from '$lib/board/board-write-context';
import { commentPolicy, objectivePolicy } from '$lib/objectives/objective-policy';
import { serverOnly, type PolicyRegistry } from '$lib/sync/policy';

/**
 * Who may write each root of a live board's document: one policy per root, in
 * the feature that owns it (docs/BOARD.md, "Effects"). A root missing here is
 * refused whole, so a feature that adds a root adds its policy here too.
 */
export const boardPolicies: PolicyRegistry<BoardWriteContext> = {
	[Root.cards]: cardPolicy,
	[Root.clusters]: clusterPolicy,
	[Root.objectives]: objectivePolicy,
	[Root.comments]: commentPolicy,
	[Root.meta]: serverOnly,
	[Root.participants]: serverOnly
};
