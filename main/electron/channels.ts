/**
 * The two IPC channels between the preload and main. Every contract call goes
 * through one `invoke` channel (the call name is the first argument and is
 * checked by the core's dispatch), so adding a call to the contract needs no
 * change here.
 */
export const CALL_CHANNEL = 'dialdesk:call';
export const EVENT_CHANNEL = 'dialdesk:event';
