import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../users/user.entity';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';

/** The signed-in user as the guard loaded it for this request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

/** The route needs no token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The route needs one of these roles; an admin may do everything an organiser may. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthUser => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.user) throw new Error('CurrentUser used on a public route');
    return request.user;
  },
);

/** Organisers and admins run events. */
export function isOrganiser(user: AuthUser): boolean {
  return user.role === 'organiser' || user.role === 'admin';
}
