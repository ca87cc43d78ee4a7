import QRCode from 'qrcode';
import type { JoinInfo } from './board-api';

/**
 * How people join a board (SPEC J1): the code, the link that carries it, and the
 * QR code of that link, drawn on the server so the page needs no extra script.
 */
export async function joinInfo(origin: string, joinCode: string): Promise<JoinInfo> {
	const url = `${origin}/join/${joinCode}`;
	const svg = await QRCode.toString(url, { type: 'svg', margin: 1 });
	return {
		code: joinCode,
		url,
		qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
	};
}
