-- SPEC PO1: approvato needs the Assemblea's approval date, a real calendar day. The fixture
-- import stored approvato without one (and imports did not check the date), which blocked
-- saving those objectives. They become consolidato, each with a revision naming the change.
INSERT INTO `plan_objective_revisions` (`objective_id`, `revision`, `snapshot`, `changed`, `changed_by`, `changed_at`)
SELECT o.`id`,
	(SELECT coalesce(max(r.`revision`), 0) + 1 FROM `plan_objective_revisions` r WHERE r.`objective_id` = o.`id`),
	json_object(
		'id', o.`id`, 'planId', o.`plan_id`, 'number', o.`number`, 'title', o.`title`,
		'policyAreaId', o.`policy_area_id`, 'template', o.`template`, 'fields', json(o.`fields`),
		'verbatim', json(o.`verbatim`), 'macroAreas', json(o.`macro_areas`),
		'keyPoints', json(o.`key_points`), 'leps', json(o.`leps`), 'indicators', json(o.`indicators`),
		'status', 'consolidated', 'approvedAt', NULL, 'createdAt', o.`created_at`,
		'updatedAt', CAST(round((julianday('now') - 2440587.5) * 86400000) AS integer)
	),
	CASE WHEN o.`approved_at` IS NULL THEN '["status"]' ELSE '["status","approvedAt"]' END,
	NULL,
	CAST(round((julianday('now') - 2440587.5) * 86400000) AS integer)
FROM `plan_objectives` o
WHERE o.`status` = 'approved' AND (o.`approved_at` IS NULL OR date(o.`approved_at`) IS NOT o.`approved_at`);
--> statement-breakpoint
UPDATE `plan_objectives`
SET `status` = 'consolidated', `approved_at` = NULL,
	`updated_at` = CAST(round((julianday('now') - 2440587.5) * 86400000) AS integer)
WHERE `status` = 'approved' AND (`approved_at` IS NULL OR date(`approved_at`) IS NOT `approved_at`);
