import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Server } from 'socket.io';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { WireMessage } from '../conversations/conversation.wire';
import type { SessionStatus } from '../sessions/session-lifecycle.wire';
import type { Slot } from '../sessions/slots';
import { rooms, type LiveNamespace, type LiveSlot } from './live.events';
import type {
  ServerToClientEvents,
  WireApplication,
  WireCompany,
  WireJob,
  WireMeeting,
  WireRequest,
} from './live.wire';
import { createStreamsAdapter, type StreamsAdapterHandle } from './streams-adapter';

export function toLiveSlot(slot: Slot): LiveSlot {
  return {
    index: slot.index,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
  };
}

type LiveEvent = keyof ServerToClientEvents;

/**
 * The one owner of what reaches the `/live` rooms, in both processes; everything else (the
 * gateway, the API's services, the worker's processors) calls it. Every event goes through
 * `clientSend`, typed by the event map of `live.wire.ts`.
 *
 * In the API it sends on the gateway's namespace, which the gateway hands over once socket.io
 * made it (`attach`). The worker has no socket.io clients of its own: given the configuration,
 * the emitter makes a socket.io server that never listens, on the same Redis streams adapter as
 * the API processes, so what it emits reaches every client of every API process (and survives a
 * short Redis outage, since the stream is read from where each process left off). Either way the
 * adapter carries an event to the clients of every API process. A live notice is best effort:
 * the data it announces is already in PostgreSQL.
 */
@Injectable()
export class LiveEmitter implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveEmitter.name);
  /** The worker's own server, which never listens. */
  private readonly own?: { server: Server; adapter: StreamsAdapterHandle };
  private namespace?: LiveNamespace;

  /** With the configuration: the worker's emitter. Without: the API's, once attached. */
  constructor(@Inject(APP_CONFIG) config?: AppConfig) {
    if (!config) return;
    const adapter = createStreamsAdapter(config);
    const server = new Server({ adapter: adapter.adapter });
    this.own = { server, adapter };
    this.namespace = server.of('/live') as LiveNamespace;
  }

  /** The API's gateway hands over its namespace. */
  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  /** Sends one event of the event map to these rooms, on every process. */
  clientSend<E extends LiveEvent>(
    to: string | readonly string[],
    event: E,
    ...payload: Parameters<ServerToClientEvents[E]>
  ): void {
    const namespace = this.namespace;
    if (!namespace) {
      this.logger.warn(`live event ${event} not sent: no /live namespace yet`);
      return;
    }
    try {
      namespace.to(to as string | string[]).emit(event, ...payload);
    } catch (error) {
      this.logger.warn({ err: error }, 'live event not sent');
    }
  }

  /** A user now speaks for a company: their open sockets, on any process, join its room. */
  joinCompany(userId: string, companyId: string): void {
    this.namespace?.in(rooms.user(userId)).socketsJoin(rooms.company(companyId));
  }

  /** A user no longer speaks for a company: their open sockets, on any process, leave its room. */
  leaveCompany(userId: string, companyId: string): void {
    this.namespace?.in(rooms.user(userId)).socketsLeave(rooms.company(companyId));
  }

  /**
   * A user lost their part in these sessions (they left the company that took part): their open
   * sockets, on any process, leave the sessions' rooms at once, and the presence upkeep of the
   * process holding each socket drops them from the session's presence (see LiveGateway).
   */
  leaveSessions(userId: string, sessionIds: readonly string[]): void {
    if (sessionIds.length === 0) return;
    this.namespace?.in(rooms.user(userId)).socketsLeave(sessionIds.map(rooms.session));
  }

  /** A user was disabled: their open sockets, on any process, are closed (and refused again). */
  disconnectUser(userId: string): void {
    this.namespace?.in(rooms.user(userId)).disconnectSockets(true);
  }

  /** A company's profile or status changed: its users, and the organisers who list it. */
  /** A company was registered: the organisers' queues of companies waiting show it. */
  companyRegistered(company: WireCompany): void {
    this.clientSend(rooms.organisers, 'company.updated', { company });
  }

  companyUpdated(company: WireCompany): void {
    this.clientSend([rooms.company(company.id), rooms.organisers], 'company.updated', { company });
  }

  /** A meeting changed: its two firms, and the organisers (whose schedule boards follow it). */
  meetingUpdated(meeting: WireMeeting): void {
    this.clientSend(
      [...meeting.companyIds.map(rooms.company), rooms.organisers],
      'meeting.updated',
      {
        meeting,
      },
    );
  }

  requestCreated(request: WireRequest): void {
    this.requestEvent('request.created', request);
  }

  requestUpdated(request: WireRequest): void {
    this.requestEvent('request.updated', request);
  }

  /**
   * A request to both companies and the organisers; a decline's reason is the two firms' own (as
   * their messages are), so the organisers' copy goes without it, to those not of either firm.
   */
  private requestEvent(event: 'request.created' | 'request.updated', request: WireRequest): void {
    const companies = [rooms.company(request.fromCompanyId), rooms.company(request.toCompanyId)];
    if (request.declineReason === null) {
      this.clientSend([...companies, rooms.organisers], event, { request });
      return;
    }
    this.clientSend(companies, event, { request });
    const namespace = this.namespace;
    if (!namespace) return;
    try {
      namespace
        .to(rooms.organisers)
        .except(companies)
        .emit(event, { request: { ...request, declineReason: null } });
    } catch (error) {
      this.logger.warn({ err: error }, 'live event not sent');
    }
  }

  /** A firm's meeting preferences changed: its own users only (the other firm never learns them). */
  preferenceUpdated(sessionId: string, companyId: string): void {
    this.clientSend(rooms.company(companyId), 'preference.updated', { sessionId, companyId });
  }

  /** A message between two companies: the users of both, and nobody else (organisers neither). */
  messageCreated(companyIds: readonly string[], message: WireMessage): void {
    this.clientSend(companyIds.map(rooms.company), 'message.created', {
      conversationId: message.conversationId,
      message,
    });
  }

  /** A company read a conversation up to a message: the users of both companies ("Seen"). */
  conversationRead(
    companyIds: readonly string[],
    read: { conversationId: string; companyId: string; messageId: string },
  ): void {
    this.clientSend(companyIds.map(rooms.company), 'conversation.read', read);
  }

  applicationUpdated(application: WireApplication): void {
    this.clientSend(
      [rooms.company(application.companyId), rooms.organisers],
      'application.updated',
      { application },
    );
  }

  /** Scoring finished for these companies of a session. */
  matchesUpdated(sessionId: string, companyIds: readonly string[]): void {
    if (companyIds.length === 0) return;
    this.clientSend(companyIds.map(rooms.company), 'matches.updated', { sessionId });
  }

  /** A new schedule is out: every participant's agenda may have changed. */
  schedulePublished(sessionId: string, companyIds: readonly string[]): void {
    this.clientSend([...companyIds.map(rooms.company), rooms.organisers], 'schedule.published', {
      sessionId,
    });
  }

  /**
   * A session's status changed: every open page of it (the live room, the firms' session pages,
   * the organisers') shows the new one, and a closed room stops offering its calls.
   */
  sessionUpdated(sessionId: string, status: SessionStatus, companyIds: readonly string[]): void {
    this.clientSend(
      [rooms.session(sessionId), ...companyIds.map(rooms.company), rooms.organisers],
      'session.updated',
      { sessionId, status },
    );
  }

  /** Who takes part in a session changed: its companies and the organisers list them. */
  participantsUpdated(sessionId: string, companyIds: readonly string[]): void {
    this.clientSend([...companyIds.map(rooms.company), rooms.organisers], 'participants.updated', {
      sessionId,
    });
  }

  /** A seminar's seats changed: its organisers' lists and its registered firms' pages follow. */
  seminarUpdated(seminarId: string, companyIds: readonly string[]): void {
    this.clientSend([...companyIds.map(rooms.company), rooms.organisers], 'seminar.updated', {
      seminarId,
    });
  }

  /** A job organisers follow moved on. */
  jobProgress(sessionId: string, job: WireJob): void {
    this.clientSend(rooms.organisers, 'job.progress', { sessionId, job });
  }

  slotStarted(sessionId: string, slot: Slot, next: Slot | null): void {
    this.clientSend(rooms.session(sessionId), 'slot.started', {
      sessionId,
      slot: toLiveSlot(slot),
      next: next ? toLiveSlot(next) : null,
    });
  }

  slotEnding(sessionId: string, slot: Slot, secondsLeft: number): void {
    this.clientSend(rooms.session(sessionId), 'slot.ending', {
      sessionId,
      slot: toLiveSlot(slot),
      secondsLeft,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.own || !this.namespace) return;
    // The server never listened, so server.close() would fail on its missing engine: close the
    // namespaces' adapters (which stops the stream readers), then the adapter's client.
    await Promise.allSettled(
      [this.own.server.of('/'), this.namespace].map((namespace) =>
        Promise.resolve(namespace.adapter.close()),
      ),
    );
    await this.own.adapter.close();
  }
}
