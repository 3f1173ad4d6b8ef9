import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { RateLimitService } from './rate-limit.service';

const RATE_LIMIT_SCOPE = 'rate-limit:scope';

/** Limits the route to RATE_LIMIT_PER_MINUTE requests per client address, counted per scope. */
export const RateLimited = (scope: string): MethodDecorator => SetMetadata(RATE_LIMIT_SCOPE, scope);

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const scope = this.reflector.get<string | undefined>(RATE_LIMIT_SCOPE, context.getHandler());
    if (scope) {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      await this.limits.consumeClient(scope, request.ip);
    }
    return true;
  }
}
