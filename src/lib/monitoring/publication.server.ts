import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import { getPlan } from '$lib/plan/plan-repo.server';
import { planTitle } from '$lib/plan-objectives/plan-tables';
import type { Db } from '$lib/server/db/database';
import type { Result } from '$lib/server/result';
import { planPublications } from './monitoring.schema';

export type PublicationRefusal = 'unknown-plan' | 'already-published' | 'not-published';

/** What a slug may be: what `slugFor` writes, bounded; anything else names no plan. */
const slugPattern = /^[a-z0-9-]{1,80}$/;

/**
 * [M13] The plan's title as a URL piece (its period once, as `planTitle` prints it), with
 * a random tail so two plans never share one.
 */
export function slugFor(title: string, period: string, tail: string): string {
	const words = planTitle({ title, period })
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return words ? `${words}-${tail}` : tail;
}

/** [M13] The plan's publication: its slug and whether it is published now (null when never). */
export function publicationOf(db: Db, planId: number) {
	return db.select().from(planPublications).where(eq(planPublications.planId, planId)).get();
}

/**
 * [M13] Publish or unpublish the plan's results page (the UdP's decision). The first
 * publication gives the slug; later ones keep it. Refused for an unknown plan, or when
 * the page is already as asked.
 */
export function setPublished(
	db: Db,
	planId: number,
	publish: boolean,
	actor: { userId: number | null; now: number }
): Result<{ slug: string }, PublicationRefusal> {
	const plan = getPlan(db, planId);
	if (!plan) return { ok: false, reason: 'unknown-plan' };
	const current = publicationOf(db, planId);
	const isPublished = current?.publishedAt != null;
	if (publish && isPublished) return { ok: false, reason: 'already-published' };
	if (!publish && !isPublished) return { ok: false, reason: 'not-published' };
	const slug = current?.slug ?? slugFor(plan.title, plan.period, randomBytes(4).toString('hex'));
	const values = {
		publishedAt: publish ? actor.now : null,
		updatedBy: actor.userId,
		updatedAt: actor.now
	};
	db.insert(planPublications)
		.values({ planId, slug, ...values })
		.onConflictDoUpdate({ target: planPublications.planId, set: values })
		.run();
	return { ok: true, value: { slug } };
}

/** [M13] The plan a slug names, only while it is published; undefined otherwise. */
export function publishedPlanId(db: Db, slug: string): number | undefined {
	if (!slugPattern.test(slug)) return undefined;
	return db
		.select({ planId: planPublications.planId })
		.from(planPublications)
		.where(and(eq(planPublications.slug, slug), isNotNull(planPublications.publishedAt)))
		.get()?.planId;
}
