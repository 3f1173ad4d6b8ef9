import 'reflect-metadata';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { migrate } from '../src/database/migrate';
import {
  BENCH_JWT_SECRET,
  cleanUp,
  cleanups,
  exitStatus,
  keepOutput,
  machine,
  option,
  percentile,
  REDIS_URL,
  scratchEnvironment,
  startApiProcess,
  stop,
} from './support';

/**
 * `npm run bench:live`: N clients (2,000 unless `--clients N` or BENCH_LIVE_CLIENTS) in one room,
 * first of a plain `ws` server (`bench/live-ws-server.ts`), then of the real API: `node
 * dist/main.js`, which this script does not build (run `npm run build` first), N socket.io
 * clients of members joined to one session with `session:join`. For each server:
 *
 * - memory per client: growth of the server's RSS from before the N clients connect to after they
 *   have all connected and joined, over N (and, for socket.io, the growth once connected alone);
 * - broadcast latency: from the sender emitting (the organiser's `announce`; a message to the ws
 *   server) to each of the N clients receiving it, so one broadcast gives N samples; p50 and p99
 *   over all the samples of `--slow` broadcasts at 1/s (20) and of `--fast` at 10/s (100), after
 *   a few unmeasured ones; and the CPU time per broadcast of the server and of this process;
 * - for socket.io, how long the joins took (the first and the last batch of 100), the largest
 *   join acknowledgement and the other events (presence) the members received while joining;
 *   and for both, the server's CPU use per second once everyone is in and nothing is sent.
 *
 * With 5,000 clients or more the members are spread over two API processes (`--processes N`),
 * which then run on either core rather than on core 1; `--notices off` turns off the members'
 * notifications of announcements, so that a broadcast is the room's alone; `--profile DIR` has
 * the API processes write a CPU profile there; a failed broadcast phase is reported and the run
 * goes on. The join figures are printed as soon as the room is in.
 *
 * `--only ws` or `--only socketio` runs one half. Sender and clients live in this process (the
 * send time travels in the text, from performance.now()), so the latencies include this process
 * taking N frames off the wire and decoding them one after the other, on the same machine as the
 * server. Each half needs ~N file descriptors here and ~N in the server; the header says the
 * limit (`ulimit -n`).
 */
const positive = (value: string | undefined, fallback: number): number => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : fallback;
};
const CLIENTS = positive(option('clients') ?? process.env.BENCH_LIVE_CLIENTS, 2000);
const SLOW = positive(option('slow'), 20);
const FAST = positive(option('fast'), 100);
const ONLY = option('only');
/**
 * `--notices off`: the members turned off notifications of announcements (their settings), so that
 * a broadcast is the room's alone; by default each announcement also writes and sends each
 * member's own notification of it (2,000 rows and events per broadcast at 2,000 members).
 */
const NOTICES = option('notices') !== 'off';
/** API processes the clients are spread over: two for 5,000 clients or more unless given. */
const PROCESSES = positive(option('processes'), CLIENTS >= 5000 ? 2 : 1);
/** `--profile DIR`: the API process writes a CPU profile there (node --cpu-prof) when it stops. */
const PROFILE = option('profile');
/** Clients connected (and joined) at once. */
const BATCH = 100;
/** Broadcasts before the measured ones, not counted. */
const WARMUP = 3;
/** How long one client's connection and `session:join` may take. */
const JOIN_TIMEOUT_MS = 30_000;
/** How long the server's CPU use is measured with all clients joined and nothing sent. */
const IDLE_MS = 3000;
/** How long a phase waits for its last receipts after its last send. */
const DRAIN_MS = 10_000;
const JWT_SECRET = BENCH_JWT_SECRET;
const ORGANISER_NAME = 'Bench Organiser';
const COUNTRIES = ['HK', 'CA', 'FI', 'GB', 'DE', 'IN', 'KR', 'AU', 'IL', 'FR'];

interface Announcement {
  sessionId: string;
  text: string;
  from: unknown;
  at: string;
}
type Ack<T> =
  ({ ok: true } & T) | { ok: false; error: { statusCode: number; error: string; message: string } };
interface ServerToClient {
  announcement: (payload: Announcement) => void;
}
interface ClientToServer {
  'session:join': (
    body: { sessionId: string },
    ack: (reply: Ack<{ state: unknown }>) => void,
  ) => void;
  announce: (body: { sessionId: string; text: string }, ack: (reply: Ack<object>) => void) => void;
}
type LiveSocket = Socket<ServerToClient, ClientToServer>;

/** One of the two servers under test, as the phases drive it. */
interface Room {
  label: string;
  /** The server's processes (two API processes for a large room). */
  pids: number[];
  /** Whether members join a room after connecting (socket.io) or are in it once connected (ws). */
  joins: boolean;
  /** Connects (and joins) the sender. */
  connectSender(): Promise<void>;
  /** Connects member `index`. */
  connectMember(index: number): Promise<void>;
  /** Puts member `index` in the room (socket.io: `session:join`); its receipts go to `receive`. */
  joinMember(index: number, receive: (payload: Announcement, bytes: number) => void): Promise<void>;
  /** Sends one broadcast; a refusal or a missing ack is reported through `failed`. */
  send(text: string, failed: (error: Error) => void): void;
  /** The last lines the server wrote, for when something fails. */
  output(): string;
  /** How the server process ended, if it has. */
  exited(): string | null;
  /** Why the clients that lost their connection before `close()` lost it, one entry each. */
  drops: string[];
  /** Events other than announcements that the members received, by name. */
  otherEvents: Map<string, number>;
  /** The largest acknowledgement of a join, in bytes. */
  largestJoinAck(): number;
  close(): Promise<void>;
}

/** Receipts by broadcast number: latency of each, in ms. */
class Receipts {
  private readonly latencies = new Map<number, number[]>();
  /** Size of the last announcement received. */
  bytes = 0;

  receive = (payload: Announcement, bytes: number): void => {
    const now = performance.now();
    const match = /^#(\d+) t=([\d.]+)/.exec(payload.text);
    if (!match) return;
    const seq = Number(match[1]);
    let list = this.latencies.get(seq);
    if (!list) this.latencies.set(seq, (list = []));
    list.push(now - Number(match[2]));
    this.bytes = bytes;
  };

  count(seq: number): number {
    return this.latencies.get(seq)?.length ?? 0;
  }

  samples(seqs: number[]): number[] {
    return seqs.flatMap((seq) => this.latencies.get(seq) ?? []);
  }
}

const announcementText = (seq: number): string =>
  `#${seq} t=${performance.now().toFixed(3)} Benchmark announcement: the next slot starts in two minutes.`;

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;

/** CPU time (user + system) the processes `pids` have used, in ms. */
function cpuMs(pids: number[]): number {
  return sum(pids.map(processCpuMs));
}

function rssBytes(pids: number[]): number {
  return sum(pids.map(processRssBytes));
}

function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of proc(5), counted from the state (field 3).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

function processRssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

interface Seeded {
  sessionId: string;
  organiserToken: string;
  memberTokens: string[];
}

/** One organiser, N member users each owning a verified company, and a live video session. */
async function seed(databaseUrl: string, n: number): Promise<Seeded> {
  const organiserId = randomUUID();
  const userIds = Array.from({ length: n }, () => randomUUID());
  const companyIds = Array.from({ length: n }, () => randomUUID());
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO users (id, email, name, password_hash, role)
       VALUES ($1, 'organiser@live-bench.example', $2, 'not-a-hash', 'organiser')`,
      [organiserId, ORGANISER_NAME],
    );
    await db.query(
      `INSERT INTO users (id, email, name, password_hash, role)
       SELECT id, 'member' || n || '@live-bench.example', 'Bench Member ' || n, 'not-a-hash', 'member'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [userIds],
    );
    await db.query(
      `INSERT INTO companies (id, name, country, city, timezone, employees, status, version)
       SELECT id, 'Live Bench Company ' || n, ($2::text[])[1 + n % cardinality($2::text[])],
              'Bench City', 'UTC', '10-49', 'verified', 1
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [companyIds, COUNTRIES],
    );
    if (!NOTICES) {
      await db.query(
        `INSERT INTO user_settings (user_id, notifications)
         SELECT id, '{"announcement": "off"}'::jsonb FROM unnest($1::uuid[]) AS t(id)`,
        [userIds],
      );
    }
    await db.query(
      `INSERT INTO company_members (company_id, user_id, role)
       SELECT company_id, user_id, 'owner' FROM unnest($1::uuid[], $2::uuid[]) AS t(company_id, user_id)`,
      [companyIds, userIds],
    );
    const startsAt = new Date(Date.now() - 3600_000);
    const endsAt = new Date(Date.now() + 3 * 3600_000);
    const {
      rows: [{ id: sessionId }],
    } = await db.query<{ id: string }>(
      `INSERT INTO sessions (title, mode, timezone, starts_at, ends_at, slot_minutes, max_meetings_per_company,
                             cross_border_only, request_deadline, weights, status, created_by)
       VALUES ('Live benchmark session', 'video', 'UTC', $1, $2, 20, 8, true, $1, $3, 'live', $4)
       RETURNING id`,
      [
        startsAt,
        endsAt,
        JSON.stringify({
          complementarity: 0.4,
          sector: 0.15,
          partnerType: 0.15,
          market: 0.15,
          language: 0.1,
          timeOverlap: 0.05,
        }),
        organiserId,
      ],
    );
    await db.query(
      `INSERT INTO session_participants (session_id, company_id, availability, joined_by)
       SELECT $1, company_id, $3::jsonb, NULL FROM unnest($2::uuid[]) AS t(company_id)`,
      [
        sessionId,
        companyIds,
        JSON.stringify([{ from: startsAt.toISOString(), to: endsAt.toISOString() }]),
      ],
    );
    const jwt = new JwtService({
      secret: JWT_SECRET,
      signOptions: { algorithm: 'HS256', expiresIn: 3 * 3600 },
    });
    return {
      sessionId,
      organiserToken: jwt.sign({ sub: organiserId, role: 'organiser' }),
      memberTokens: userIds.map((id) => jwt.sign({ sub: id, role: 'member' })),
    };
  } finally {
    await db.end();
  }
}

function connectSocketIo(url: string, token: string, drops: string[]): Promise<LiveSocket> {
  return new Promise((resolve, reject) => {
    const socket: LiveSocket = io(url, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: JOIN_TIMEOUT_MS,
    });
    socket.once('connect', () => {
      socket.once('disconnect', (reason) => {
        if (reason !== 'io client disconnect') drops.push(reason);
      });
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`socket.io connect_error: ${error.message}`));
    });
  });
}

/** The acknowledgement of `event`, or an error saying what did not answer within `ms`. */
function acknowledged<T>(ack: Promise<T>, event: string, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `${event} not acknowledged in ${ms / 1000} s: does src/live/live.gateway.ts handle ` +
              'it, and was `npm run build` run since?',
          ),
        ),
      ms,
    );
  });
  return Promise.race([ack, timeout]).finally(() => clearTimeout(timer));
}

/** Joins the session; the size of the acknowledgement (the room's state), in bytes. */
async function joinSession(socket: LiveSocket, sessionId: string): Promise<number> {
  const ack = await acknowledged(
    socket.emitWithAck('session:join', { sessionId }),
    'session:join',
    JOIN_TIMEOUT_MS,
  );
  if (!ack.ok) throw new Error(`session:join refused: ${JSON.stringify(ack.error)}`);
  return Buffer.byteLength(JSON.stringify(ack));
}

/** The real API; the caller has seeded the database. */
async function socketIoRoom(env: NodeJS.ProcessEnv, seeded: Seeded): Promise<Room> {
  const profile = PROFILE ? [`--cpu-prof`, `--cpu-prof-dir=${PROFILE}`] : [];
  const apis: Awaited<ReturnType<typeof startApiProcess>>[] = [];
  for (let i = 0; i < PROCESSES; i += 1) {
    apis.push(
      await startApiProcess(env, (args) =>
        serverCommand(['--title=bench-live-api', ...profile, ...args]),
      ),
    );
  }
  // Members are spread over the processes in turn; the sender is on the first.
  const urls = apis.map(({ port }) => `http://127.0.0.1:${port}/live`);
  const url = urls[0];
  const sockets: LiveSocket[] = [];
  const members: LiveSocket[] = [];
  const drops: string[] = [];
  const otherEvents = new Map<string, number>();
  let largestJoinAck = 0;
  let sender: LiveSocket | undefined;
  const { sessionId } = seeded;
  return {
    label: PROCESSES > 1 ? `socket.io ×${PROCESSES}` : 'socket.io',
    pids: apis.map(({ child }) => child.pid ?? 0),
    joins: true,
    async connectSender() {
      sender = await connectSocketIo(url, seeded.organiserToken, drops);
      sockets.push(sender);
      await joinSession(sender, sessionId);
    },
    async connectMember(index) {
      const socket = await connectSocketIo(
        urls[index % urls.length],
        seeded.memberTokens[index],
        drops,
      );
      sockets.push(socket);
      members[index] = socket;
      socket.onAny((event: string) => {
        if (event !== 'announcement') otherEvents.set(event, (otherEvents.get(event) ?? 0) + 1);
      });
    },
    async joinMember(index, receive) {
      const socket = members[index];
      socket.on('announcement', (payload) =>
        receive(payload, Buffer.byteLength(JSON.stringify(payload))),
      );
      largestJoinAck = Math.max(largestJoinAck, await joinSession(socket, sessionId));
    },
    send(text, failed) {
      if (!sender) throw new Error('the sender is not connected');
      acknowledged(sender.emitWithAck('announce', { sessionId, text }), 'announce', DRAIN_MS).then(
        (ack) => {
          if (!ack.ok) failed(new Error(`announce refused: ${JSON.stringify(ack.error)}`));
        },
        (error: Error) => failed(error),
      );
    },
    output: () => apis.map(({ output }) => output()).join('\n'),
    exited: () =>
      apis.map(({ child }) => exitStatus(child)).find((status) => status !== null) ?? null,
    drops,
    otherEvents,
    largestJoinAck: () => largestJoinAck,
    async close() {
      for (const socket of sockets) socket.disconnect();
      await Promise.all(apis.map(({ child }) => stop(child)));
    },
  };
}

function connectWs(url: string, drops: string[], closing: () => boolean): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    socket.once('open', () => {
      socket.once('close', (code) => {
        if (!closing()) drops.push(`closed with ${code}`);
      });
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** `bench/live-ws-server.ts` in a child process; `from` as the API's announcements have it. */
async function wsRoom(sessionId: string, from: unknown): Promise<Room> {
  const server = join(__dirname, 'live-ws-server.js');
  const [command, args] = serverCommand(['--title=bench-live-ws', server]);
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => stop(child));
  const output = keepOutput(child);
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /ready (\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`ws server exited with ${code}:\n${output()}`)));
  });
  const url = `ws://127.0.0.1:${port}`;
  const sockets: WebSocket[] = [];
  const members: WebSocket[] = [];
  const drops: string[] = [];
  let closing = false;
  const connect = (): Promise<WebSocket> => connectWs(url, drops, () => closing);
  let sender: WebSocket | undefined;
  return {
    label: 'plain ws',
    pids: [child.pid ?? 0],
    joins: false,
    async connectSender() {
      sender = await connect();
      sockets.push(sender);
    },
    async connectMember(index) {
      const socket = await connect();
      sockets.push(socket);
      members[index] = socket;
    },
    joinMember(index, receive) {
      members[index].on('message', (data: Buffer) => {
        receive(JSON.parse(data.toString()) as Announcement, data.length);
      });
      return Promise.resolve();
    },
    send(text, failed) {
      if (!sender) throw new Error('the sender is not connected');
      sender.send(JSON.stringify({ sessionId, text, from }), (error) => {
        if (error) failed(error);
      });
    },
    output,
    exited: () => exitStatus(child),
    drops,
    otherEvents: new Map(),
    largestJoinAck: () => 0,
    async close() {
      closing = true;
      for (const socket of sockets) socket.terminate();
      await stop(child);
    },
  };
}

interface Phase {
  perSecond: number;
  broadcasts: number;
  samples: number;
  lost: number;
  p50: number;
  p99: number;
  max: number;
  /** CPU time per broadcast of the server and of this process (the clients and the sender). */
  serverCpuMs: number;
  clientCpuMs: number;
  /** Why the phase stopped, if it failed. */
  error?: string;
}

interface Result {
  label: string;
  joins: boolean;
  drops: string[];
  /** RSS growth of the server once the N clients have connected, and once they have joined. */
  connectedBytes: number;
  memoryBytes: number;
  connectMs: number;
  joinMs: number;
  /** How long the first and the last batch of joins took (a room that grows may slow them). */
  firstJoinBatchMs: number;
  lastJoinBatchMs: number;
  largestJoinAckBytes: number;
  /** Events other than announcements the members received while joining, by name. */
  joinEvents: Map<string, number>;
  /** CPU time the server used per second once all had joined, with nothing sent. */
  idleCpuMs: number;
  payloadBytes: number;
  phases: Phase[];
}

/** Sends `count` broadcasts `perSecond` on a fixed clock, then waits for the N receipts of each. */
async function phase(
  room: Room,
  receipts: Receipts,
  firstSeq: number,
  count: number,
  perSecond: number,
): Promise<Phase> {
  const failures: Error[] = [];
  const seqs = Array.from({ length: count }, (_, i) => firstSeq + i);
  const serverCpu = cpuMs(room.pids);
  const clientCpu = process.cpuUsage();
  const started = performance.now();
  for (const [i, seq] of seqs.entries()) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await sleep(wait);
    room.send(announcementText(seq), (error) => failures.push(error));
    if (failures.length > 0) break;
  }
  const deadline = performance.now() + DRAIN_MS;
  while (
    failures.length === 0 &&
    performance.now() < deadline &&
    seqs.some((seq) => receipts.count(seq) < CLIENTS)
  ) {
    await sleep(20);
  }
  if (failures.length > 0) throw failures[0];
  const serverCpuMs = (cpuMs(room.pids) - serverCpu) / count;
  const { user, system } = process.cpuUsage(clientCpu);
  const samples = receipts.samples(seqs).sort((a, b) => a - b);
  return {
    perSecond,
    broadcasts: count,
    samples: samples.length,
    lost: count * CLIENTS - samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.at(-1) ?? NaN,
    serverCpuMs,
    clientCpuMs: (user + system) / 1000 / count,
  };
}

/** A phase that failed (the API refused or did not acknowledge) is reported, not fatal. */
function survive(work: Promise<Phase>, perSecond: number): Promise<Phase> {
  return work.catch((error: unknown) => ({
    perSecond,
    broadcasts: 0,
    samples: 0,
    lost: 0,
    p50: NaN,
    p99: NaN,
    max: NaN,
    serverCpuMs: NaN,
    clientCpuMs: NaN,
    error: error instanceof Error ? error.message : String(error),
  }));
}

/** Runs `work` for 0..CLIENTS-1, BATCH at a time; the time each batch took, in ms. */
async function inBatches(work: (index: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let first = 0; first < CLIENTS; first += BATCH) {
    const started = performance.now();
    const batch = Array.from({ length: Math.min(BATCH, CLIENTS - first) }, (_, i) => first + i);
    await Promise.all(batch.map(work));
    times.push(performance.now() - started);
  }
  return times;
}

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/** "3 clients lost their connection (ping timeout ×3)". */
function dropped(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const list = [...counts].map(([reason, count]) => `${reason} ×${count}`).join(', ');
  return `${reasons.length} clients lost their connection (${list})`;
}

async function measureRoom(room: Room): Promise<Result> {
  await sleep(1000);
  await room.connectSender();
  await sleep(1000);
  const before = rssBytes(room.pids);
  const connectMs = sum(await inBatches((index) => room.connectMember(index)));
  await sleep(2000);
  const connectedBytes = rssBytes(room.pids) - before;
  const receipts = new Receipts();
  const joinTimes = await inBatches((index) => room.joinMember(index, receipts.receive));
  await sleep(2000);
  const memoryBytes = rssBytes(room.pids) - before;
  const joinEvents = new Map(room.otherEvents);
  if (room.joins) {
    // Printed at once: the broadcasts that follow may take long, or fail.
    console.log(
      `    (${room.label}: ${CLIENTS} joined in ${sec(sum(joinTimes))}, memory ` +
        `${kib(memoryBytes)}, largest ack ${(room.largestJoinAck() / 1024).toFixed(1)} KiB)`,
    );
  }
  const idleCpu = cpuMs(room.pids);
  await sleep(IDLE_MS);
  const idleCpuMs = ((cpuMs(room.pids) - idleCpu) * 1000) / IDLE_MS;

  const warmup = await phase(room, receipts, 0, WARMUP, 5);
  if (warmup.lost > 0) {
    throw new Error(`${room.label}: ${warmup.lost} of ${WARMUP * CLIENTS} warm-up receipts lost`);
  }
  const slow = await survive(phase(room, receipts, WARMUP, SLOW, 1), 1);
  const fast = await survive(phase(room, receipts, WARMUP + SLOW, FAST, 10), 10);
  return {
    label: room.label,
    joins: room.joins,
    drops: room.drops,
    connectedBytes,
    memoryBytes,
    connectMs,
    joinMs: sum(joinTimes),
    firstJoinBatchMs: joinTimes[0] ?? 0,
    lastJoinBatchMs: joinTimes.at(-1) ?? 0,
    largestJoinAckBytes: room.largestJoinAck(),
    joinEvents,
    idleCpuMs,
    payloadBytes: receipts.bytes,
    phases: [slow, fast],
  };
}

/** Measures `room` and closes it; on failure, shows what its server wrote last. */
async function measure(room: Room): Promise<Result> {
  try {
    return await measureRoom(room);
  } catch (error) {
    const output = room.output();
    if (output) console.error(`last output of the ${room.label} server:\n${output}`);
    const exited = room.exited();
    if (exited) console.error(`the ${room.label} server has exited (${exited})`);
    if (room.drops.length > 0) console.error(`${room.label}: ${dropped(room.drops)}`);
    throw error;
  } finally {
    await room.close();
  }
}

const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;

const kib = (bytes: number): string => `${(bytes / CLIENTS / 1024).toFixed(1)} KiB/client`;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const sec = (value: number): string => `${(value / 1000).toFixed(1)} s`;

function report(result: Result): void {
  const phases = result.phases
    .map((p) => `${p.perSecond}/s: p50 ${ms(p.p50)} p99 ${ms(p.p99)}`)
    .join('  ');
  console.log(
    `live ${result.label.padEnd(9)}  ${CLIENTS} clients  memory ${kib(result.memoryBytes)} ` +
      `(RSS +${mib(result.memoryBytes)})  ${phases}`,
  );
  for (const p of result.phases) {
    if (p.error) {
      console.log(`    broadcasts at ${p.perSecond}/s FAILED: ${p.error.slice(0, 300)}`);
      continue;
    }
    console.log(
      `    ${p.broadcasts} broadcasts at ${p.perSecond}/s: ${p.samples} samples, max ${ms(p.max)}` +
        `${p.lost > 0 ? `, ${p.lost} NOT RECEIVED` : ''}; CPU per broadcast: ` +
        `server ${ms(p.serverCpuMs)}, clients and sender ${ms(p.clientCpuMs)}`,
    );
  }
  const events = [...result.joinEvents]
    .map(([event, count]) => `${event} ×${count.toLocaleString('en')}`)
    .join(', ');
  console.log(
    result.joins
      ? `    connect ${sec(result.connectMs)} (RSS +${mib(result.connectedBytes)}, ` +
          `${kib(result.connectedBytes)} before joining), session:join ${sec(result.joinMs)} ` +
          `(first ${Math.min(BATCH, CLIENTS)} in ${sec(result.firstJoinBatchMs)}, last ` +
          `${CLIENTS - Math.floor((CLIENTS - 1) / BATCH) * BATCH} in ${sec(result.lastJoinBatchMs)}; ` +
          `largest ack ${(result.largestJoinAckBytes / 1024).toFixed(0)} KiB; ` +
          `members received ${events || 'no other events'})`
      : `    connect ${sec(result.connectMs)} (in the room once connected)`,
  );
  console.log(
    `    server idle with all joined: ${ms(result.idleCpuMs)} CPU per second; ` +
      `payload ${result.payloadBytes} B`,
  );
  if (result.drops.length > 0) console.log(`    WARNING: ${dropped(result.drops)}`);
}

/**
 * With two or more cores and `taskset`, each server runs on core 1 and this process (the clients
 * and the sender) on core 0, so that neither's CPU use shows up as the other's latency and runs
 * vary less; PostgreSQL and Redis are left free. `--no-pin` turns it off.
 */
const PIN = !process.argv.includes('--no-pin') && cpus().length >= 2 && hasTaskset();

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The command line that starts a server child, on core 1 when pinning. */
function serverCommand(args: string[]): [string, string[]] {
  // Two API processes on one core would measure nothing but that core: they float.
  return PIN && PROCESSES === 1
    ? ['taskset', ['-c', '1', process.execPath, ...args]]
    : [process.execPath, args];
}

async function run(): Promise<void> {
  const openFiles = execFileSync('sh', ['-c', 'ulimit -n']).toString().trim();
  if (PIN) execFileSync('taskset', ['-a', '-pc', '0', String(process.pid)], { stdio: 'ignore' });
  console.log(
    `bench:live on ${machine()}; ${CLIENTS} clients in one room, ${SLOW} broadcasts at 1/s and ` +
      `${FAST} at 10/s after ${WARMUP} unmeasured; clients and sender in this process` +
      `${PIN ? (PROCESSES === 1 ? ' (core 0; each server on core 1)' : ' (core 0; servers on either core)') : ''}` +
      `; ${PROCESSES} API process${PROCESSES === 1 ? '' : 'es'}; members' notices of ` +
      `announcements ${NOTICES ? 'on' : 'off'}; ulimit -n ${openFiles}`,
  );
  if (Number(openFiles) < CLIENTS + 500) {
    console.log(
      `warning: ulimit -n ${openFiles} is low for ${CLIENTS} clients (need ~${CLIENTS + 500})`,
    );
  }
  // The plain ws server first, while this process is fresh (the socket.io half leaves far more
  // garbage in it); its payload has the shape and size of an announcement of the real API.
  let ws: Result | undefined;
  let socketIo: Result | undefined;
  if (ONLY !== 'socketio') {
    const from = { userId: randomUUID(), name: ORGANISER_NAME };
    ws = await measure(await wsRoom(randomUUID(), from));
    report(ws);
  }
  if (ONLY !== 'ws') {
    const scratch = await scratchEnvironment('live');
    cleanups.push(() => scratch.drop());
    await migrate(scratch.databaseUrl);
    const seeded = await seed(scratch.databaseUrl, CLIENTS);
    const room = await socketIoRoom(
      {
        DATABASE_URL: scratch.databaseUrl,
        REDIS_URL,
        REDIS_PREFIX: scratch.redisPrefix,
        JWT_SECRET,
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '1000000',
        NODE_ENV: 'production',
      },
      seeded,
    );
    socketIo = await measure(room);
    report(socketIo);
  }
  if (socketIo && ws) {
    const [sio, plain] = [socketIo, ws];
    const ratio = (index: number, key: 'p50' | 'p99'): string =>
      `${(sio.phases[index][key] / plain.phases[index][key]).toFixed(2)}×`;
    console.log(
      `live ratio       socket.io p99 / ws p99: 1/s ${ratio(0, 'p99')}  10/s ${ratio(1, 'p99')}  ` +
        `(p50: ${ratio(0, 'p50')}, ${ratio(1, 'p50')}); memory ${(sio.memoryBytes / plain.memoryBytes).toFixed(1)}×`,
    );
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

run()
  .finally(cleanUp)
  .then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
