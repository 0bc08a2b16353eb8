import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { keepAliveWebSocket } from '../../../../main/core/sip/keep-alive-websocket.js';

describe('keepAliveWebSocket', () => {
  let server: WebSocketServer | null = null;
  afterEach(async () => {
    for (const client of server?.clients ?? []) client.terminate();
    await new Promise((resolve) => server?.close(resolve));
    server = null;
  });

  async function connect(autoPong: boolean, intervalMs: number) {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0, autoPong });
    await once(server, 'listening');
    const Socket = keepAliveWebSocket(intervalMs);
    const socket = new Socket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, 'sip');
    await once(socket, 'open');
    return socket;
  }

  it('closes a line whose server stops answering pings within two intervals', async () => {
    const socket = await connect(false, 100);
    const opened = Date.now();
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(1006);
    expect(Date.now() - opened).toBeLessThan(400);
  });

  it('keeps a line whose server answers', async () => {
    const socket = await connect(true, 50);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(socket.readyState).toBe(socket.OPEN);
    socket.close();
  });
});
