// Baseline for GET /healthz: the least a Node.js HTTP server can do.
import http from 'node:http';
import { announceReady } from './ready.ts';

const body = JSON.stringify({ status: 'ok' });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  announceReady({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}` });
});
