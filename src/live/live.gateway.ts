import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { isCurrentGeneration, TokenService } from '../auth/token.service';
import { AppError } from '../common/app-error';
import { HttpExceptionFilter } from '../common/http-exception.filter';
import { CompanyMember } from '../companies/company-member.entity';
import { UsersService } from '../users/users.service';
import {
  AnnounceMessage,
  JoinMessage,
  LeaveMessage,
  PRESENCE_PAGE,
  PresencePageMessage,
  SignalMessage,
  parseMessage,
} from './live.messages';
import {
  rooms,
  type Announcement,
  type LiveAck,
  type LiveNamespace,
  type LiveSessionState,
  type LiveSocket,
  type WirePresenceChange,
  type PresencePage,
} from './live.events';
import { LiveEmitter } from './live-emitter';
import { LiveSessionsService, MAX_SIGNAL_BYTES } from './live-sessions.service';
import { PresenceBatcher } from './presence-batcher';
import { PresenceService, PRESENCE_TTL_MS, type PresenceChange } from './presence.service';

/** Sessions one socket may be in at once. */
const MAX_SESSIONS_PER_SOCKET = 10;
/** Presence changes of a session are sent together, at most this often... */
const PRESENCE_WINDOW_MS = 100;
/**
 * ...and in a room of this many users or more, once per millisecond per user, up to 5 s: each
 * batch goes to every client in the room (and each API process sends its own), so at 10,000
 * users a batch a second per process is 20,000 events a second for the clients to take in.
 */
const LARGE_ROOM = 1000;
const MAX_WINDOW_MS = 5000;
/** A presence batch with more changes than this sends the count alone. */
const MAX_LISTED_CHANGES = 50;
/** Disconnect reasons that mean the client left on purpose (anything else may come back). */
const LEFT_ON_PURPOSE = new Set(['client namespace disconnect', 'server namespace disconnect']);

/**
 * The `/live` namespace. The access token is checked at the handshake (a missing, bad or expired
 * one is refused with `connect_error`), and each socket joins the rooms of who its user is.
 * `session:join` puts it in a session's room once the server has checked the user's part in it.
 * Every request a client sends is acknowledged with `{ok: true, ...}` or `{ok: false, error}`,
 * the error in the HTTP API's shape.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway
  implements OnGatewayInit<LiveNamespace>, OnGatewayConnection<LiveSocket>, OnModuleDestroy
{
  private readonly logger = new Logger(LiveGateway.name);
  private readonly errors = new HttpExceptionFilter();
  private presenceTimer?: NodeJS.Timeout;
  private stopRestoring?: () => void;
  private readonly presenceBatches = new PresenceBatcher({
    windowMs: (count) =>
      count >= LARGE_ROOM ? Math.min(count, MAX_WINDOW_MS) : PRESENCE_WINDOW_MS,
    maxListed: MAX_LISTED_CHANGES,
    send: (batch) => this.live.clientSend(rooms.session(batch.sessionId), 'presence', batch),
    omitted: (sessionId, changes) => void this.tellPartners(sessionId, changes),
  });

  @WebSocketServer()
  namespace: LiveNamespace;

  constructor(
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    private readonly sessions: LiveSessionsService,
    private readonly presence: PresenceService,
    private readonly live: LiveEmitter,
    @InjectRepository(CompanyMember) private readonly members: Repository<CompanyMember>,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    this.live.attach(namespace);
    namespace.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: unknown) => next(error instanceof Error ? error : new Error('unauthorized')),
      );
    });
    // Vouch for this process's sockets, and sweep those of processes that died.
    this.presenceTimer = setInterval(() => void this.maintainPresence(), PRESENCE_TTL_MS / 3);
    this.presenceTimer.unref();
    // Renewing only extends entries that exist: after Redis restarted empty, write them again.
    this.stopRestoring = this.presence.onConnected(() => void this.restorePresence());
  }

  onModuleDestroy(): void {
    this.stopRestoring?.();
    clearInterval(this.presenceTimer);
    this.presenceBatches.flushAll();
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const { userId, role } = socket.data;
    socket.on('disconnect', (reason) => void this.disconnected(socket, reason));
    const memberships = await this.members.find({ where: { userId }, select: { companyId: true } });
    await socket.join([
      rooms.user(userId),
      ...memberships.map((member) => rooms.company(member.companyId)),
      ...(role === 'organiser' || role === 'admin' ? [rooms.organisers] : []),
    ]);
    // A socket that came back within the recovery window is still in its sessions' rooms.
    // If the user has lost their part in one meanwhile, it leaves that room.
    if (socket.recovered) {
      for (const sessionId of socket.data.sessions) {
        const back = await this.run(() => this.enterPresence(socket, sessionId));
        if (!back.ok) {
          socket.data.sessions = socket.data.sessions.filter((id) => id !== sessionId);
          await socket.leave(rooms.session(sessionId));
        }
      }
    }
  }

  @SubscribeMessage('session:join')
  join(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<LiveAck<{ state: LiveSessionState }>> {
    return this.run(async () => {
      const { sessionId, since } = parseMessage(JoinMessage, body);
      await this.forgetLeftSessions(socket);
      const joined = socket.data.sessions;
      if (!joined.includes(sessionId) && joined.length >= MAX_SESSIONS_PER_SOCKET) {
        throw AppError.conflict(
          'live.too_many_sessions',
          `A connection may be in ${MAX_SESSIONS_PER_SOCKET} sessions at once; leave one first`,
        );
      }
      const access = await this.sessions.access(socket.data, sessionId);
      await socket.join(rooms.session(sessionId));
      if (!joined.includes(sessionId)) socket.data.sessions = [...joined, sessionId];
      await this.enterPresence(socket, sessionId, access.user);
      return { state: await this.sessions.state(access, since) };
    });
  }

  @SubscribeMessage('presence:page')
  presencePage(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<LiveAck<{ page: PresencePage }>> {
    return this.run(async () => {
      const { sessionId, after, limit } = parseMessage(PresencePageMessage, body);
      // Only those the server let into the room (and still there) see who else is.
      await this.forgetLeftSessions(socket);
      if (!socket.data.sessions.includes(sessionId)) {
        throw AppError.forbidden('live.not_in_room', 'Join the session before listing its room');
      }
      return { page: await this.presence.page(sessionId, after, limit ?? PRESENCE_PAGE) };
    });
  }

  @SubscribeMessage('session:leave')
  leave(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck> {
    return this.run(async () => {
      const { sessionId } = parseMessage(LeaveMessage, body);
      if (!socket.data.sessions.includes(sessionId)) return {};
      socket.data.sessions = socket.data.sessions.filter((id) => id !== sessionId);
      await socket.leave(rooms.session(sessionId));
      this.announcePresence(await this.presence.leave(sessionId, socket.id));
      return {};
    });
  }

  @SubscribeMessage('announce')
  announce(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<LiveAck<{ announcement: Announcement }>> {
    return this.run(async () => {
      const { sessionId, text } = parseMessage(AnnounceMessage, body);
      if (text.trim() === '') {
        throw AppError.invalid({ text: ['must not be blank'] }, { text: [{ rule: 'notBlank' }] });
      }
      return { announcement: await this.sessions.announce(socket.data, sessionId, text.trim()) };
    });
  }

  @SubscribeMessage('rtc.signal')
  signal(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<LiveAck> {
    return this.run(async () => {
      const { meetingId, data } = parseMessage(SignalMessage, body);
      if (Buffer.byteLength(JSON.stringify(data)) > MAX_SIGNAL_BYTES) {
        throw AppError.invalid(
          { data: [`must be at most ${MAX_SIGNAL_BYTES / 1024} KiB`] },
          { data: [{ rule: 'maxBytes', params: { max: MAX_SIGNAL_BYTES } }] },
        );
      }
      const route = await this.sessions.signalRoute(socket.data, meetingId);
      this.live.clientSend(rooms.company(route.to), 'rtc.signal', {
        meetingId,
        fromCompanyId: route.from,
        data,
      });
      return {};
    });
  }

  /** Runs a client's request and turns its outcome into an acknowledgement. */
  private async run<T extends object>(work: () => Promise<T>): Promise<LiveAck<T>> {
    try {
      return { ok: true, ...(await work()) };
    } catch (error) {
      return { ok: false, error: this.errors.toBody(error, randomUUID()) };
    }
  }

  private async enterPresence(
    socket: LiveSocket,
    sessionId: string,
    known?: Awaited<ReturnType<LiveSessionsService['access']>>['user'],
  ): Promise<object> {
    const user = known ?? (await this.sessions.access(socket.data, sessionId)).user;
    const change = await this.presence.join(sessionId, socket.id, user);
    if (change) this.announcePresence([change]);
    return {};
  }

  private async disconnected(socket: LiveSocket, reason: string): Promise<void> {
    try {
      for (const sessionId of socket.data.sessions) {
        if (LEFT_ON_PURPOSE.has(reason)) {
          this.announcePresence(await this.presence.leave(sessionId, socket.id));
        } else {
          await this.presence.dropped(sessionId, socket.id);
        }
      }
    } catch (error) {
      // Redis away: the entries expire by themselves and a later sweep announces them.
      this.logger.warn({ err: error }, 'presence not updated on disconnect');
    }
  }

  private announcePresence(changes: PresenceChange[]): void {
    for (const change of changes) this.presenceBatches.add(change);
  }

  /**
   * The changes a presence batch was too large to list, sent to the firms that meet the users
   * concerned: each firm hears of its own partners only, so the work grows with the arrivals
   * rather than with the square of the room.
   */
  private async tellPartners(sessionId: string, changes: WirePresenceChange[]): Promise<void> {
    try {
      const companyIds = [
        ...new Set(changes.flatMap((change) => change.user.companies.map((company) => company.id))),
      ];
      const partners = await this.sessions.partnersOf(sessionId, companyIds);
      const byPartner = new Map<string, WirePresenceChange[]>();
      for (const change of changes) {
        const told = new Set<string>();
        for (const company of change.user.companies) {
          for (const partner of partners.get(company.id) ?? []) {
            if (told.has(partner)) continue;
            told.add(partner);
            byPartner.set(partner, [...(byPartner.get(partner) ?? []), change]);
          }
        }
      }
      for (const [companyId, list] of byPartner) {
        this.live.clientSend(rooms.company(companyId), 'presence.partners', {
          sessionId,
          changes: list,
        });
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'partners not told of presence changes');
    }
  }

  /** Enters every socket of this process into the presence of its sessions again (idempotent). */
  private async restorePresence(): Promise<void> {
    for (const socket of this.namespace.sockets.values()) {
      await this.forgetLeftSessions(socket);
      for (const sessionId of socket.data.sessions ?? []) {
        await this.run(() => this.enterPresence(socket, sessionId));
      }
    }
  }

  private async maintainPresence(): Promise<void> {
    try {
      const entries: { sessionId: string; socketId: string }[] = [];
      for (const socket of this.namespace.sockets.values()) {
        await this.forgetLeftSessions(socket);
        for (const sessionId of socket.data.sessions ?? []) {
          entries.push({ sessionId, socketId: socket.id });
        }
      }
      await this.presence.renew(entries);
      this.announcePresence(await this.presence.sweep());
    } catch (error) {
      this.logger.warn({ err: error }, 'presence upkeep failed; retrying shortly');
    }
  }

  /**
   * A socket made to leave a session's room from elsewhere (LiveEmitter.leaveSessions: its user
   * left the company that took part, perhaps through another process) is out of that session:
   * it leaves the session's presence, and its list, so that it is not renewed or restored.
   */
  private async forgetLeftSessions(socket: LiveSocket): Promise<void> {
    const sessions = socket.data.sessions ?? [];
    const left = sessions.filter((sessionId) => !socket.rooms.has(rooms.session(sessionId)));
    if (left.length === 0) return;
    socket.data.sessions = sessions.filter((sessionId) => !left.includes(sessionId));
    for (const sessionId of left) {
      this.announcePresence(await this.presence.leave(sessionId, socket.id));
    }
  }

  private async authenticate(socket: LiveSocket): Promise<void> {
    const token: unknown = (socket.handshake.auth as { token?: unknown }).token;
    const claims = typeof token === 'string' ? await this.tokens.verify(token) : null;
    const found = claims ? await this.users.findById(claims.sub) : null;
    // Signed out by a password change or reset since the token was signed: refused too.
    const user = found && claims && isCurrentGeneration(claims, found) ? found : null;
    if (!user || user.disabledAt) {
      this.logger.debug('live handshake refused');
      throw new Error('unauthorized: send a valid access token as auth.token');
    }
    // A recovered socket keeps the sessions it had joined.
    socket.data = {
      userId: user.id,
      name: user.name,
      role: user.role,
      sessions: socket.data?.sessions ?? [],
    };
  }
}
