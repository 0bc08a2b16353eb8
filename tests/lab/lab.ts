/**
 * The telephony lab on loopback: Kamailio (registrar + proxy, SIP over UDP and WebSocket), sipp
 * scenarios, baresip as a lead's phone, rtpengine for WebRTC. Every process runs in its own
 * process group with its run files under one temp folder; readiness is awaited on a port or a log
 * line (never a sleep) and every stop is by PID/PGID with a hard timeout.
 *
 * Used by `tests/lab/*.test.ts`; `start.sh` starts the same programs by hand with its own shell commands.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LAB_SOURCE_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * Fixed loopback ports. Chosen away from 5060/8088 (a hand-run copy of the shared lab), from the
 * e2e harness (HTTP 127.0.0.1:47xxx) and below the Linux ephemeral range (32768+), so an outgoing
 * socket never takes one of them. `config/kamailio.cfg` repeats the Kamailio ones
 * (and the sipp UAS one, for WITH_UAS_FALLBACK).
 */
export const LAB_PORTS = {
  kamailioUdp: 25060,
  kamailioWs: 25088,
  sippUas: 25070,
  sippUac: 25071,
  sippMedia: 25080,
  baresipSip: 25090,
  baresipCtrl: 25095,
  baresipRtpMin: 25100,
  baresipRtpMax: 25120,
  rtpengineNg: 25223,
  rtpengineMin: 25300,
  rtpengineMax: 25399,
} as const;

export const LAB_WS_URL = `ws://127.0.0.1:${LAB_PORTS.kamailioWs}`;
export const LAB_DOMAIN = `127.0.0.1:${LAB_PORTS.kamailioUdp}`;
/** The one password Kamailio's WITH_AUTH variant accepts (see config/kamailio.cfg). */
export const LAB_PASSWORD = 'lab-secret-1';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One started process: its output is kept in memory (for waits) and in `<runDir>/<name>.log`. */
export class LabProcess {
  readonly pid: number;
  readonly exited: Promise<ExitInfo>;
  private output = '';
  private exitInfo: ExitInfo | null = null;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly name: string,
    child: ChildProcess,
    readonly logFile: string,
  ) {
    if (child.pid === undefined) throw new Error(`${name} did not start`);
    this.pid = child.pid;
    const log = createWriteStream(logFile);
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log.write(text);
      // Keep the tail only: baresip with SIP trace is chatty and a test only waits on recent lines.
      this.output = (this.output + text).slice(-2_000_000);
      for (const wake of [...this.waiters]) wake();
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        log.end();
        for (const wake of [...this.waiters]) wake();
        resolve(this.exitInfo);
      });
    });
  }

  get running(): boolean {
    return this.exitInfo === null;
  }

  get log(): string {
    return this.output;
  }

  /** Resolves with the first match of `pattern` in the output (past or future); rejects on exit or timeout. */
  waitFor(pattern: RegExp, timeoutMs: number, from = 0): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const match = this.output.slice(from).match(pattern);
        if (match) {
          done();
          resolve(match);
          return true;
        }
        if (this.exitInfo) {
          done();
          reject(new Error(`${this.name} exited (${JSON.stringify(this.exitInfo)}) before ${pattern}; see ${this.logFile}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.name}: no ${pattern} within ${timeoutMs} ms; see ${this.logFile}`));
      }, timeoutMs);
      const wake = () => void check();
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      this.waiters.add(wake);
      check();
    });
  }

  /** Resolves when the process exits; rejects after `timeoutMs` (the process is left running). */
  async waitExit(timeoutMs: number): Promise<ExitInfo> {
    return withTimeout(this.exited, timeoutMs, `${this.name} did not exit within ${timeoutMs} ms; see ${this.logFile}`);
  }

  /** Signals the process group (the PGID is our child's PID: it was spawned detached). */
  signal(signal: NodeJS.Signals): void {
    if (!this.running) return;
    try {
      process.kill(-this.pid, signal);
    } catch {
      // Already gone between the check and the kill.
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  async stop(graceMs = 3000): Promise<void> {
    if (!this.running) return;
    this.signal('SIGTERM');
    try {
      await this.waitExit(graceMs);
    } catch {
      this.signal('SIGKILL');
      await this.waitExit(2000);
    }
    // Children that outlived the leader (kamailio workers) still carry the group id.
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // The group is empty: nothing left.
    }
  }
}

export interface SippOptions {
  /** A scenario file in tests/lab/scenarios, or a built-in one (`uas`). */
  scenario: string;
  role: 'uas' | 'uac';
  /** For a UAC: the user part of the R-URI (`-s`). */
  service?: string;
  /** `-key name value` pairs, used as `[name]` in the scenario. */
  keys?: Record<string, string>;
  /** Echo RTP back (sipp `-rtp_echo`) on LAB_PORTS.sippMedia. */
  rtpEcho?: boolean;
  /** sipp's own scenario timeout, seconds. */
  timeoutSeconds?: number;
  /** How many calls to place (`-m`, default 1). */
  calls?: number;
  /** New calls per second (`-r`); sipp's default pace when omitted. */
  rate?: number;
  /** How long a scenario's `<pause/>` without its own length lasts (`-d`), ms. */
  pauseMs?: number;
}

export interface BaresipOptions {
  /** The user it registers as (a lead's number without "+"), reachable as sip:<user>@LAB_DOMAIN. */
  user: string;
  /** WAV (8 kHz mono 16-bit) it plays into every call; it hangs up when the file ends. */
  greetingWav: string;
}

/** A lab run: one temp folder and every process started in it. */
export class Lab {
  readonly runDir: string;
  private readonly processes: LabProcess[] = [];
  private counter = 0;

  constructor(name = 'lab') {
    this.runDir = mkdtempSync(join(tmpdir(), `dialdesk-${name}-`));
  }

  /** Kamailio in the foreground (`-DD -E`); ready when its WebSocket port accepts connections. */
  /** `uasFallback`: calls to an unregistered local number go to the sipp UAS instead of 404. */
  async startKamailio(options: { auth?: boolean; rtpengine?: boolean; uasFallback?: boolean } = {}): Promise<LabProcess> {
    const runtime = join(this.runDir, `kamailio-run-${++this.counter}`);
    mkdirSync(runtime);
    const defines = [
      ...(options.auth ? ['-A', 'WITH_AUTH'] : []),
      ...(options.rtpengine ? ['-A', 'WITH_RTPENGINE'] : []),
      ...(options.uasFallback ? ['-A', 'WITH_UAS_FALLBACK'] : []),
    ];
    await this.assertPortsFree([LAB_PORTS.kamailioWs], [LAB_PORTS.kamailioUdp]);
    const proc = this.spawn('kamailio', 'kamailio', [
      '-f', join(LAB_SOURCE_DIR, 'config', 'kamailio.cfg'),
      '-DD', '-E', '-m', '64', '-M', '8', '-Y', runtime, ...defines,
    ]);
    await waitTcpPort(LAB_PORTS.kamailioWs, 10_000, proc);
    await waitUdpPort(LAB_PORTS.kamailioUdp, 5_000);
    return proc;
  }

  /** rtpengine for WebRTC calls (Kamailio's WITH_RTPENGINE variant); start it before Kamailio. */
  async startRtpengine(): Promise<LabProcess> {
    const proc = this.spawn('rtpengine', 'rtpengine', [
      '--config-file=none', '--interface=127.0.0.1', `--listen-ng=127.0.0.1:${LAB_PORTS.rtpengineNg}`, '--table=-1',
      '--foreground', '--log-stderr', `--port-min=${LAB_PORTS.rtpengineMin}`, `--port-max=${LAB_PORTS.rtpengineMax}`,
      '--dtls-passive',
    ]);
    await proc.waitFor(/Startup complete/, 10_000);
    return proc;
  }

  /** sipp with message/error traces in the run dir; for a UAS, ready once its UDP port is bound. */
  async startSipp(options: SippOptions): Promise<LabProcess> {
    const n = ++this.counter;
    const port = options.role === 'uas' ? LAB_PORTS.sippUas : LAB_PORTS.sippUac;
    const scenarioArgs =
      options.scenario === 'uas' ? ['-sn', 'uas'] : ['-sf', join(LAB_SOURCE_DIR, 'scenarios', options.scenario)];
    const args = [
      ...(options.role === 'uac' ? [LAB_DOMAIN, '-s', options.service ?? 'rep'] : []),
      ...scenarioArgs,
      '-i', '127.0.0.1', '-p', String(port), '-m', String(options.calls ?? 1), '-nostdin',
      ...(options.rate ? ['-r', String(options.rate)] : []),
      ...(options.pauseMs !== undefined ? ['-d', String(options.pauseMs)] : []),
      '-trace_msg', '-message_file', join(this.runDir, `sipp-${n}-messages.log`),
      '-trace_err', '-error_file', join(this.runDir, `sipp-${n}-errors.log`),
      '-timeout', `${options.timeoutSeconds ?? 30}s`, '-timeout_error',
      ...(options.rtpEcho ? ['-mi', '127.0.0.1', '-mp', String(LAB_PORTS.sippMedia), '-rtp_echo'] : []),
      ...Object.entries(options.keys ?? {}).flatMap(([k, v]) => ['-key', k, v]),
    ];
    await this.assertPortsFree([], [port]);
    const proc = this.spawn(`sipp-${n}`, 'sipp', args);
    if (options.role === 'uas') await waitUdpPort(port, 5_000, proc);
    return proc;
  }

  /** The SIP messages sipp saw (its -trace_msg file). */
  sippMessages(proc: LabProcess): string {
    const n = proc.name.replace('sipp-', '');
    try {
      return readFileSync(join(this.runDir, `sipp-${n}-messages.log`), 'utf8');
    } catch {
      return '';
    }
  }

  /** baresip as a lead's phone; ready when it has registered with Kamailio. */
  async startBaresip(options: BaresipOptions): Promise<{ proc: LabProcess; confDir: string; recDir: string }> {
    const confDir = join(this.runDir, `baresip-${++this.counter}`);
    const recDir = join(confDir, 'rec');
    mkdirSync(recDir, { recursive: true });
    spawnChecked('cp', [options.greetingWav, join(confDir, 'greeting.wav')]);
    const fill = (text: string) =>
      text
        .replaceAll('LAB_DIR', confDir)
        .replaceAll('BARESIP_SIP_PORT', String(LAB_PORTS.baresipSip))
        .replaceAll('BARESIP_CTRL_PORT', String(LAB_PORTS.baresipCtrl))
        .replaceAll('BARESIP_RTP_MIN', String(LAB_PORTS.baresipRtpMin))
        .replaceAll('BARESIP_RTP_MAX', String(LAB_PORTS.baresipRtpMax))
        .replaceAll('BARESIP_USER', options.user)
        .replaceAll('KAMAILIO_UDP_PORT', String(LAB_PORTS.kamailioUdp));
    writeFileSync(join(confDir, 'config'), fill(readFileSync(join(LAB_SOURCE_DIR, 'config', 'baresip-config.template'), 'utf8')));
    writeFileSync(join(confDir, 'accounts'), fill(readFileSync(join(LAB_SOURCE_DIR, 'config', 'baresip-accounts.template'), 'utf8')));
    await this.assertPortsFree([LAB_PORTS.baresipCtrl], [LAB_PORTS.baresipSip]);
    const proc = this.spawn('baresip', 'baresip', ['-4', '-f', confDir, '-s'], { HOME: confDir });
    await proc.waitFor(/\{0\/UDP\/v4\} 200 OK/, 10_000);
    return { proc, confDir, recDir };
  }

  /** Files baresip recorded (what it received), newest last. */
  recordings(recDir: string): string[] {
    return readdirSync(recDir)
      .filter((f) => f.endsWith('-dec.wav'))
      .sort()
      .map((f) => join(recDir, f));
  }

  /** Stops every process this lab started, newest first. */
  async stopAll(): Promise<void> {
    for (const proc of [...this.processes].reverse()) await proc.stop();
  }

  /** Removes the run folder (keep it when a test failed: its logs say why). */
  remove(): void {
    rmSync(this.runDir, { recursive: true, force: true });
  }

  spawn(name: string, command: string, args: string[], env: Record<string, string> = {}): LabProcess {
    // detached: its own process group, so one kill(-pid) reaches the workers Kamailio forks.
    const child = spawn(command, args, {
      cwd: this.runDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const proc = new LabProcess(name, child, join(this.runDir, `${name}.log`));
    this.processes.push(proc);
    return proc;
  }

  /** A lab process from an earlier test still holding a port would make this one lie: fail fast. */
  private async assertPortsFree(tcp: number[], udp: number[]): Promise<void> {
    for (const port of tcp) {
      if (await tcpPortOpen(port)) throw new Error(`TCP port ${port} is already in use (a leftover lab process?)`);
    }
    for (const port of udp) {
      if (udpPortBound(port)) throw new Error(`UDP port ${port} is already in use (a leftover lab process?)`);
    }
  }
}

/** 8 kHz mono 16-bit WAV made with sox, e.g. `['synth', '1', 'sine', '1000']`. */
export function makeWav(path: string, effects: string[]): string {
  spawnChecked('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', path, ...effects]);
  return path;
}

export interface SoxStat {
  lengthSeconds: number;
  rms: number;
  roughFrequency: number;
}

/** `sox <file> -n stat` (optionally trimmed first: `['trim', '1', '2']`). */
export function soxStat(path: string, effects: string[] = []): SoxStat {
  const result = spawnSync('sox', [path, '-n', ...effects, 'stat'], { encoding: 'utf8', timeout: 10_000 });
  const text = result.stderr;
  const num = (label: string) => {
    const match = new RegExp(`^${label}:\\s+(-?[\\d.]+)`, 'm').exec(text);
    if (!match) throw new Error(`sox stat has no "${label}": ${text}`);
    return Number(match[1]);
  };
  return { lengthSeconds: num('Length \\(seconds\\)'), rms: num('RMS\\s+amplitude'), roughFrequency: num('Rough\\s+frequency') };
}

function spawnChecked(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
}

function tcpPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls a TCP connect every 50 ms: a port has no event to wait on. */
export async function waitTcpPort(port: number, timeoutMs: number, proc?: LabProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc && !proc.running) throw new Error(`${proc.name} exited before port ${port} opened; see ${proc.logFile}`);
    if (await tcpPortOpen(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`TCP port ${port} not open within ${timeoutMs} ms`);
}

/** True when some socket is bound to 127.0.0.1:<port>/udp (from /proc/net/udp, no probe packet). */
export function udpPortBound(port: number): boolean {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const table = readFileSync('/proc/net/udp', 'utf8').split('\n').slice(1);
  return table.some((line) => line.trim().split(/\s+/)[1]?.endsWith(hex));
}

export async function waitUdpPort(port: number, timeoutMs: number, proc?: LabProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc && !proc.running) throw new Error(`${proc.name} exited before binding UDP ${port}; see ${proc.logFile}`);
    if (udpPortBound(port)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`UDP port ${port} not bound within ${timeoutMs} ms`);
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]);
}

export interface BaresipCtrlResponse {
  ok: boolean;
  data: string;
}

/**
 * Runs one baresip command (as typed after `/`, e.g. `dial sip:rep@…`) over its ctrl_tcp module:
 * JSON in netstrings (`<len>:{"command":…,"params":…,"token":…},`). Resolves with baresip's
 * response to that token; the events it also pushes on the connection are skipped.
 */
export function baresipCommand(command: string, params = '', timeoutMs = 5000, port: number = LAB_PORTS.baresipCtrl): Promise<BaresipCtrlResponse> {
  const token = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const json = JSON.stringify({ command, params, token });
  const request = `${Buffer.byteLength(json)}:${json},`;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => finish(new Error(`baresip did not answer "${command}" within ${timeoutMs} ms`)), timeoutMs);
    const finish = (error: Error | null, response?: BaresipCtrlResponse) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(response!);
    };
    socket.once('connect', () => socket.write(request));
    socket.once('error', (error) => finish(error));
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const colon = buffer.indexOf(':');
        if (colon < 0) return;
        const length = Number(buffer.subarray(0, colon).toString('ascii'));
        if (!Number.isInteger(length)) return finish(new Error(`baresip ctrl_tcp sent a bad netstring: ${buffer.toString('utf8').slice(0, 80)}`));
        if (buffer.length < colon + 1 + length + 1) return;
        const message = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString('utf8')) as Record<string, unknown>;
        buffer = buffer.subarray(colon + 1 + length + 1);
        if (message.response === true && message.token === token) {
          return finish(null, { ok: message.ok === true, data: typeof message.data === 'string' ? message.data : '' });
        }
      }
    });
  });
}

/**
 * RTP packets baresip has received in its current call, from its `audio_debug` command (baresip
 * 1.0's menu module): the RTCP session's per-member `rcvd=` counters, summed. Unlike baresip's
 * recording, this keeps counting after a re-INVITE.
 */
export async function baresipRtpReceived(): Promise<number> {
  const response = await baresipCommand('audio_debug');
  const counts = [...response.data.matchAll(/\brcvd=(\d+)/g)].map((m) => Number(m[1]));
  if (!response.ok || counts.length === 0) throw new Error(`baresip audio_debug has no rcvd= counter (no call?): ${response.data}`);
  return counts.reduce((sum, n) => sum + n, 0);
}
