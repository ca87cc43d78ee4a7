// The reference for `npm run bench`: the stock y-websocket server
// (@y/websocket-server) on a plain http + ws server, in memory, with no
// authentication, validation or persistence. Clients connect to
// ws://<host>:<port>/<room>. Prints "listening <port>" once it accepts sockets.
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);

const server = http.createServer((_req, res) => {
	res.writeHead(200, { 'content-type': 'text/plain' });
	res.end('ok');
});
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
	wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req));
});
server.listen(port, host, () => {
	const address = server.address();
	console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
});

process.once('SIGTERM', () => {
	for (const ws of wss.clients) ws.terminate();
	server.close(() => process.exit(0));
});
