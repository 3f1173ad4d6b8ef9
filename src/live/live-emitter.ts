import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Server } from 'socket.io';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { JobView } from '../jobs/jobs.service';
import type { Slot } from '../sessions/slots';
import { type LiveNamespace } from './live.gateway';
import { rooms, type LiveSlot } from './live.events';
import { createStreamsAdapter, type StreamsAdapterHandle } from './streams-adapter';

export function toLiveSlot(slot: Slot): LiveSlot {
  return {
    index: slot.index,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
  };
}

/**
 * Emits live events from the worker, which has no socket.io clients of its own: a socket.io
 * server that never listens, on the same Redis streams adapter as the API processes, so what it
 * emits reaches every client of every API process (and survives a short Redis outage, since the
 * stream is read from where each process left off). A live notice is best effort: the data it
 * announces is already in PostgreSQL.
 */
@Injectable()
export class LiveEmitter implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveEmitter.name);
  private readonly server: Server;
  private readonly adapter: StreamsAdapterHandle;
  private readonly namespace: LiveNamespace;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.adapter = createStreamsAdapter(config);
    this.server = new Server({ adapter: this.adapter.adapter });
    this.namespace = this.server.of('/live') as LiveNamespace;
  }

  /** Scoring finished for these companies of a session. */
  matchesUpdated(sessionId: string, companyIds: readonly string[]): void {
    if (companyIds.length === 0) return;
    this.send(() =>
      this.namespace.to(companyIds.map(rooms.company)).emit('matches.updated', { sessionId }),
    );
  }

  /** A new schedule is out: every participant's agenda may have changed. */
  schedulePublished(sessionId: string, companyIds: readonly string[]): void {
    this.send(() =>
      this.namespace
        .to([...companyIds.map(rooms.company), rooms.organisers])
        .emit('schedule.published', { sessionId }),
    );
  }

  /** A job organisers follow moved on. */
  jobProgress(sessionId: string, job: JobView): void {
    this.send(() => this.namespace.to(rooms.organisers).emit('job.progress', { sessionId, job }));
  }

  slotStarted(sessionId: string, slot: Slot, next: Slot | null): void {
    this.send(() =>
      this.namespace.to(rooms.session(sessionId)).emit('slot.started', {
        sessionId,
        slot: toLiveSlot(slot),
        next: next ? toLiveSlot(next) : null,
      }),
    );
  }

  slotEnding(sessionId: string, slot: Slot, secondsLeft: number): void {
    this.send(() =>
      this.namespace
        .to(rooms.session(sessionId))
        .emit('slot.ending', { sessionId, slot: toLiveSlot(slot), secondsLeft }),
    );
  }

  private send(emit: () => void): void {
    try {
      emit();
    } catch (error) {
      this.logger.warn({ err: error }, 'live event not sent');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // The server never listened, so server.close() would fail on its missing engine: close the
    // namespaces' adapters (which stops the stream readers), then the adapter's client.
    await Promise.allSettled(
      [this.server.of('/'), this.namespace].map((namespace) =>
        Promise.resolve(namespace.adapter.close()),
      ),
    );
    await this.adapter.close();
  }
}
