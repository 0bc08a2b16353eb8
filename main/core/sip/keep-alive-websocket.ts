import { WebSocket as NodeWebSocket } from 'ws';

/** How often the line is pinged; a ping unanswered by the next one means the line is dead. */
export const KEEP_ALIVE_INTERVAL_MS = 10_000;

/**
 * The WebSocket sip.js opens, with a WebSocket ping every interval. A line
 * that dies silently (Wi-Fi switch, laptop lid, a NAT that forgets the flow)
 * sends no FIN or RST, so TCP would notice only after minutes of
 * retransmissions, with inbound calls lost meanwhile. A ping that gets no pong
 * before the next one is due closes the socket (1006) at once: sip.js reports
 * the transport lost and the line goes offline and re-registers with its
 * backoff. RFC 6455 obliges the server to answer pings, and Kamailio,
 * Asterisk and FreeSWITCH do. Dead within two intervals: 20 s by default.
 */
export function keepAliveWebSocket(intervalMs = KEEP_ALIVE_INTERVAL_MS): typeof NodeWebSocket {
  // sip.js calls `new WebSocket(url, 'sip')`: the one constructor form it needs.
  class KeepAliveWebSocket extends NodeWebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      let answered = true;
      let timer: NodeJS.Timeout | null = null;
      this.on('open', () => {
        timer = setInterval(() => {
          if (!answered) {
            this.terminate();
            return;
          }
          answered = false;
          this.ping();
        }, intervalMs);
        // A ping timer must never keep a CLI or test process alive.
        timer.unref();
      });
      this.on('pong', () => {
        answered = true;
      });
      this.on('close', () => {
        if (timer) clearInterval(timer);
      });
    }
  }
  return KeepAliveWebSocket as unknown as typeof NodeWebSocket;
}
