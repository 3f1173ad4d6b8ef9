import { Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { Repository } from 'typeorm';
import { TokenService } from '../auth/token.service';
import { CompanyMember } from '../companies/company-member.entity';
import { UsersService } from '../users/users.service';
import {
  rooms,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from './live.events';

export type LiveNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  object,
  SocketData
>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

/**
 * The `/live` namespace. The access token is checked at the handshake (a missing, bad or expired
 * one is refused with `connect_error`), and each socket joins the rooms of who its user is.
 */
@WebSocketGateway({ namespace: '/live' })
export class LiveGateway implements OnGatewayInit<LiveNamespace>, OnGatewayConnection<LiveSocket> {
  private readonly logger = new Logger(LiveGateway.name);

  @WebSocketServer()
  namespace: LiveNamespace;

  constructor(
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    @InjectRepository(CompanyMember) private readonly members: Repository<CompanyMember>,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    namespace.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: unknown) => next(error instanceof Error ? error : new Error('unauthorized')),
      );
    });
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const { userId, role } = socket.data;
    const memberships = await this.members.find({ where: { userId }, select: { companyId: true } });
    await socket.join([
      rooms.user(userId),
      ...memberships.map((member) => rooms.company(member.companyId)),
      ...(role === 'organiser' || role === 'admin' ? [rooms.organisers] : []),
    ]);
  }

  private async authenticate(socket: LiveSocket): Promise<void> {
    const token: unknown = (socket.handshake.auth as { token?: unknown }).token;
    const claims = typeof token === 'string' ? await this.tokens.verify(token) : null;
    const user = claims ? await this.users.findById(claims.sub) : null;
    if (!user) {
      this.logger.debug('live handshake refused');
      throw new Error('unauthorized: send a valid access token as auth.token');
    }
    socket.data = { userId: user.id, role: user.role };
  }
}
