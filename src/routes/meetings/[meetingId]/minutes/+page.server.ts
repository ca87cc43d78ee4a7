import { access } from '$lib/auth/access';
import { minutesContext } from '$lib/minutes/minutes-access.server';
import { stampOf, versionFor } from '$lib/minutes/minutes-read.server';
import { latestVersion, listComments, listVersions } from '$lib/minutes/minutes-repo.server';
import { blocksToText } from '$lib/minutes/minutes-text';
import { readableByParticipants } from '$lib/minutes/minutes-version';
import type { Actions, PageServerLoad } from './$types';
import {
	commentAction,
	editAction,
	freezeAction,
	generateAction,
	shareAction
} from './minutes-actions.server';

/** The verbale of an incontro (SPEC M-V1..M-V9): edited by facilitators, read and commented by participants. */
export const load: PageServerLoad = (event) => {
	const { meeting, tavoloName, viewer, db } = minutesContext(event);
	const editor = viewer.role === 'editor';
	const current = versionFor(db, meeting.id, viewer, event.url.searchParams.get('version'));
	const latest = editor ? latestVersion(db, meeting.id) : undefined;
	const isLatest = !editor || current?.id === latest?.id;
	const actor = event.locals.actor;
	return {
		meeting: { id: meeting.id, title: meeting.title, tavoloId: meeting.tavoloId },
		tavoloName,
		canSeeMeeting: actor !== null && access.viewTavolo(actor, meeting.tavoloId),
		editor,
		current: current && {
			version: current.version,
			status: current.status,
			stamp: stampOf(current),
			content: current.content,
			isLatest
		},
		latestStatus: latest?.status ?? null,
		texts:
			editor && current && isLatest
				? current.content.sections.map((s) => ({ key: s.key, text: blocksToText(s.blocks) }))
				: [],
		canComment: !!viewer.participantId && current?.status === 'shared',
		comments:
			current && (editor || viewer.participantId)
				? listComments(db, current.id, editor ? undefined : viewer.participantId!)
				: [],
		versions: listVersions(db, meeting.id).filter((v) => editor || readableByParticipants(v.status))
	};
};

export const actions: Actions = {
	generate: generateAction,
	edit: editAction,
	share: shareAction,
	freeze: freezeAction,
	comment: commentAction
};
