ALTER TABLE `board_cards` ADD `phase` text DEFAULT 'collect' NOT NULL;--> statement-breakpoint
ALTER TABLE `boards` ADD `card_limit` integer DEFAULT 200 NOT NULL;