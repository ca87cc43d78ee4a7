import { message } from '$lib/i18n/messages';
import type { MinutesStatus } from './minutes-version';

/** A version's status in the reader's language ("Bozza", "Draft"). */
export const statusLabel = (status: MinutesStatus) => message(`minutes_status_${status}`);
