import { listAttendance } from '$lib/attendance/attendance-commands.server';
import { attendanceJson } from '$lib/attendance/attendance-json';
import { access } from '$lib/auth/access';
import { boardOfMeeting } from '$lib/board/board-commands.server';
import { parseForm } from '$lib/forms/form-data';
import { agendaItems, todayInRome } from '$lib/meeting/meeting';
import { statusChangeInput } from '$lib/meeting/meeting';
import { changeMeetingStatus } from '$lib/meeting/meeting-commands.server';
import { meetingContext } from '$lib/meeting/meeting-context.server';
import { listStatusChanges } from '$lib/meeting/meeting-repo.server';
import { nextStatuses } from '$lib/meeting/meeting-status';
import { latestReadableVersion, latestVersion } from '$lib/minutes/minutes-repo.server';
import { formFailure, reasonFailure } from '$lib/server/form-failure';
import { agendaChoices, agendaMonitoring } from '$lib/monitoring/meeting-monitoring.server';
import { addMonitoringAction, removeMonitoringAction } from './meeting-monitoring-actions.server';
import type { Actions, PageServerLoad } from './$types';
import {
	addAttendanceAction,
	correctAttendanceAction,
	delegateAttendanceAction,
	mergeAttendanceAction,
	openBoardAction,
	removeAttendanceAction
} from './meeting-board-actions.server';

export const load: PageServerLoad = (event) => {
	const { actor, meeting, tavoloName, subgroupName, planId, db, now } = meetingContext(
		event,
		access.viewTavolo
	);
	const canManage = access.manageTavolo(actor, meeting.tavoloId);
	const board = boardOfMeeting(db, meeting.id);
	const minutes = (canManage ? latestVersion : latestReadableVersion)(db, meeting.id);
	return {
		meeting,
		tavoloName,
		subgroupName,
		agenda: agendaItems(meeting.agenda),
		today: todayInRome(now),
		canManage,
		nextStatuses: canManage ? nextStatuses(meeting.status) : [],
		history: listStatusChanges(db, meeting.id),
		board: board
			? { id: board.id, open: board.open, joinCode: canManage ? board.joinCode : null }
			: null,
		attendance: canManage ? listAttendance(db, meeting.id).map(attendanceJson) : [],
		minutes: minutes ? { version: minutes.version, status: minutes.status } : null,
		planId,
		monitoring: agendaMonitoring(db, { id: meeting.id, tavoloId: meeting.tavoloId, planId }),
		monitoringChoices: canManage
			? agendaChoices(db, { id: meeting.id, tavoloId: meeting.tavoloId, planId })
			: []
	};
};

export const actions: Actions = {
	status: async (event) => {
		const { actor, meeting, db, now } = meetingContext(event, access.manageTavolo);
		const parsed = parseForm(statusChangeInput, await event.request.formData());
		if (!parsed.ok) return formFailure(parsed.errors, parsed.values);
		const result = changeMeetingStatus(db, meeting.id, parsed.data.status, actor.userId, now);
		if (!result.ok) return reasonFailure('status', result.reason, parsed.data);
		return { statusChanged: parsed.data.status };
	},
	openBoard: openBoardAction,
	addAttendance: addAttendanceAction,
	correctAttendance: correctAttendanceAction,
	removeAttendance: removeAttendanceAction,
	mergeAttendance: mergeAttendanceAction,
	delegateAttendance: delegateAttendanceAction,
	addMonitoring: addMonitoringAction,
	removeMonitoring: removeMonitoringAction
};
