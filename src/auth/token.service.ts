import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import type { Role } from '../users/user.entity';

export interface TokenClaims {
  sub: string;
  role: Role;
  /**
   * The user's token generation when the token was signed (absent in tokens signed before it
   * existed: generation 0). Changing or resetting the password moves the user's on, which signs
   * out every session whose token names an earlier one.
   */
  gen?: number;
}

/** True while the user's password has not changed since the token was signed. */
export function isCurrentGeneration(
  claims: TokenClaims,
  user: { tokenGeneration: number },
): boolean {
  return (claims.gen ?? 0) === user.tokenGeneration;
}

/**
 * A company's agenda in one session, as a calendar feed key names it, and the user who made the
 * key: the key opens the agenda only while that user still may see it.
 */
export interface FeedClaims {
  sessionId: string;
  companyId: string;
  userId: string;
}

const FEED_AUDIENCE = 'agenda-feed';

/** Signs and checks access tokens (HS256 JWTs with an expiry). */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(user: { id: string; role: Role; tokenGeneration: number }): Promise<string> {
    return this.jwt.signAsync({
      sub: user.id,
      role: user.role,
      gen: user.tokenGeneration,
    } satisfies TokenClaims);
  }

  /**
   * The claims of a valid, unexpired access token, or null (a calendar feed key is not one). A
   * token must expire (jsonwebtoken accepts one without `exp` for ever) and name a user by id.
   */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims & { aud?: unknown; exp?: unknown }>(
        token,
        { algorithms: ['HS256'] },
      );
      return typeof claims.exp === 'number' &&
        typeof claims.sub === 'string' &&
        isUUID(claims.sub) &&
        claims.aud === undefined &&
        (claims.gen === undefined || Number.isSafeInteger(claims.gen))
        ? claims
        : null;
    } catch {
      return null;
    }
  }

  /** The key of a company's agenda feed in one session: signed, valid for a year. */
  signFeed(feed: FeedClaims): Promise<string> {
    return this.jwt.signAsync(
      { sid: feed.sessionId, cid: feed.companyId, uid: feed.userId },
      { audience: FEED_AUDIENCE, expiresIn: 365 * 24 * 3600 },
    );
  }

  /** The claims of a feed key; keys made before they named their user (`uid`) are refused. */
  async verifyFeed(key: string): Promise<FeedClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<{ sid?: unknown; cid?: unknown; uid?: unknown }>(
        key,
        { algorithms: ['HS256'], audience: FEED_AUDIENCE },
      );
      const ids = [claims.sid, claims.cid, claims.uid];
      return ids.every((id): id is string => typeof id === 'string' && isUUID(id))
        ? { sessionId: ids[0], companyId: ids[1], userId: ids[2] }
        : null;
    } catch {
      return null;
    }
  }
}
