CREATE TABLE `auth_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `auth_sessions_user_idx` ON `auth_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`person_id` integer,
	`created_at` integer NOT NULL,
	`password_changed_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ambito_id` integer NOT NULL,
	`name` text NOT NULL,
	`aliases` text NOT NULL,
	`type` text NOT NULL,
	`sector` text NOT NULL,
	`email` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ambito_id`) REFERENCES `ambiti`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_ambito_name_uq` ON `organizations` (`ambito_id`,`name`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ambito_id` integer NOT NULL,
	`full_name` text NOT NULL,
	`email` text,
	`phone` text,
	`organization_id` integer,
	`job_title` text,
	`role_level` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ambito_id`) REFERENCES `ambiti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_ambito_email_uq` ON `people` (`ambito_id`,`email`);--> statement-breakpoint
CREATE INDEX `people_organization_idx` ON `people` (`organization_id`);--> statement-breakpoint
CREATE TABLE `meeting_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`changed_by` integer,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tavolo_id` integer NOT NULL,
	`subgroup_id` integer,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`place` text NOT NULL,
	`online_url` text NOT NULL,
	`mode` text NOT NULL,
	`agenda` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tavolo_id`) REFERENCES `tavoli`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subgroup_id`) REFERENCES `subgroups`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `meetings_tavolo_date_idx` ON `meetings` (`tavolo_id`,`date`);--> statement-breakpoint
CREATE TABLE `ambiti` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`lead_body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `comuni` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ambito_id` integer NOT NULL,
	`name` text NOT NULL,
	`population` integer,
	FOREIGN KEY (`ambito_id`) REFERENCES `ambiti`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comuni_ambito_name_uq` ON `comuni` (`ambito_id`,`name`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ambito_id` integer NOT NULL,
	`title` text NOT NULL,
	`period` text NOT NULL,
	`status` text NOT NULL,
	`taxonomy_version_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ambito_id`) REFERENCES `ambiti`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`taxonomy_version_id`) REFERENCES `taxonomy_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `policy_area_macro_areas` (
	`policy_area_id` integer NOT NULL,
	`macro_area_id` integer NOT NULL,
	PRIMARY KEY(`policy_area_id`, `macro_area_id`),
	FOREIGN KEY (`policy_area_id`) REFERENCES `policy_areas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`macro_area_id`) REFERENCES `macro_areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `policy_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `key_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`macro_area_id` integer NOT NULL,
	`label` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`macro_area_id`) REFERENCES `macro_areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `leps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` text NOT NULL,
	`name` text NOT NULL,
	`objectives` text NOT NULL,
	`indicators` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `taxonomy_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `macro_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` text NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `taxonomy_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `macro_areas_version_code_uq` ON `macro_areas` (`version_id`,`code`);--> statement-breakpoint
CREATE TABLE `taxonomy_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `subgroup_members` (
	`subgroup_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`subgroup_id`, `person_id`),
	FOREIGN KEY (`subgroup_id`) REFERENCES `subgroups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `subgroups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tavolo_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	FOREIGN KEY (`tavolo_id`) REFERENCES `tavoli`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tavoli` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`name` text NOT NULL,
	`work_themes` text NOT NULL,
	`scope` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tavolo_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tavolo_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tavolo_id`) REFERENCES `tavoli`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tavolo_members_tavolo_person_uq` ON `tavolo_members` (`tavolo_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `tavolo_members_person_idx` ON `tavolo_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `tavolo_policy_areas` (
	`tavolo_id` integer NOT NULL,
	`policy_area_id` integer NOT NULL,
	PRIMARY KEY(`tavolo_id`, `policy_area_id`),
	FOREIGN KEY (`tavolo_id`) REFERENCES `tavoli`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`policy_area_id`) REFERENCES `policy_areas`(`id`) ON UPDATE no action ON DELETE cascade
);
