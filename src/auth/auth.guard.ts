import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../common/app-error';
import { UsersService } from '../users/users.service';
import {
  IS_PUBLIC,
  REQUIRED_ROLES,
  isOrganiser,
  type AuthenticatedRequest,
  type AuthUser,
} from './auth.decorators';
import { isCurrentGeneration, TokenService } from './token.service';
import type { Role } from '../users/user.entity';

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}

function hasRole(user: AuthUser, roles: Role[]): boolean {
  return roles.some((role) => user.role === role || (role === 'organiser' && isOrganiser(user)));
}

/**
 * The global guard: every route needs a valid bearer token unless marked `@Public()`, and the
 * user is loaded afresh so that a changed role takes effect at once. `@Roles()` narrows it.
 * HTTP only: the live gateway checks its token at the socket.io handshake.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Live sockets are authenticated once, at the handshake (LiveGateway), not per message.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new AppError(
        'unauthorized',
        'auth.token_missing',
        'Sign in first: send Authorization: Bearer <token>',
      );
    }
    const claims = await this.tokens.verify(token);
    const found = claims ? await this.users.findById(claims.sub) : null;
    // A token signed before the password last changed belongs to a session signed out since.
    const user = found && claims && isCurrentGeneration(claims, found) ? found : null;
    if (!user) {
      throw new AppError(
        'unauthorized',
        'auth.token_invalid',
        'The access token is invalid or has expired; sign in again',
      );
    }
    if (user.disabledAt) {
      throw new AppError(
        'unauthorized',
        'auth.user_disabled',
        'This account has been disabled; ask an administrator',
      );
    }
    request.user = { id: user.id, email: user.email, name: user.name, role: user.role };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !hasRole(request.user, roles)) {
      throw AppError.forbidden('auth.role_required', `This needs the ${roles.join(' or ')} role`);
    }
    return true;
  }
}
