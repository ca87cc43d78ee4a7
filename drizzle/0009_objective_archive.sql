-- SPEC PO8: an objective the UdP archives leaves the plan's lists, exports and matrices but keeps its
-- row and its revisions, so it can be restored; NULL is a live objective.
ALTER TABLE `plan_objectives` ADD `archived_at` integer;