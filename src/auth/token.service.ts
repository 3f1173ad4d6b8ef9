import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '../users/user.entity';

export interface TokenClaims {
  sub: string;
  role: Role;
}

/** Signs and checks access tokens (HS256 JWTs with an expiry). */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(user: { id: string; role: Role }): Promise<string> {
    return this.jwt.signAsync({ sub: user.id, role: user.role } satisfies TokenClaims);
  }

  /** The claims of a valid, unexpired token, or null. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
      return typeof claims.sub === 'string' ? claims : null;
    } catch {
      return null;
    }
  }
}
