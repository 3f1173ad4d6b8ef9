import { Injectable } from '@nestjs/common';
import type { CompanyView } from '../companies/company.view';
import type { ApplicationView } from '../delegations/delegation.view';
import type { MeetingView } from '../meetings/meeting.view';
import type { RequestView } from '../requests/requests.service';
import { LiveGateway } from './live.gateway';
import { rooms } from './live.events';

/** What the rest of the API tells the live rooms; reaches every API process's clients. */
@Injectable()
export class LiveNotifier {
  constructor(private readonly gateway: LiveGateway) {}

  /** A user now speaks for a company: their open sockets, on any process, join its room. */
  joinCompany(userId: string, companyId: string): void {
    this.gateway.namespace.in(rooms.user(userId)).socketsJoin(rooms.company(companyId));
  }

  /** A user was disabled: their open sockets, on any process, are closed (and refused again). */
  disconnectUser(userId: string): void {
    this.gateway.namespace.in(rooms.user(userId)).disconnectSockets(true);
  }

  companyUpdated(company: CompanyView): void {
    this.gateway.namespace.to(rooms.company(company.id)).emit('company.updated', { company });
  }

  meetingUpdated(meeting: MeetingView): void {
    this.gateway.namespace
      .to(meeting.companyIds.map(rooms.company))
      .emit('meeting.updated', { meeting });
  }

  requestCreated(request: RequestView): void {
    this.toBoth(request).emit('request.created', { request });
  }

  requestUpdated(request: RequestView): void {
    this.toBoth(request).emit('request.updated', { request });
  }

  private toBoth(request: RequestView) {
    return this.gateway.namespace.to([
      rooms.company(request.fromCompanyId),
      rooms.company(request.toCompanyId),
    ]);
  }

  applicationUpdated(application: ApplicationView): void {
    this.gateway.namespace
      .to([rooms.company(application.companyId), rooms.organisers])
      .emit('application.updated', { application });
  }
}
