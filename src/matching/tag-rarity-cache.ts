import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { loadTagRarity, type SessionRarity } from './session-inputs';

/** How long a session's tag rarity is reused by an API process another process changed. */
export const RARITY_TTL_MS = 30_000;

interface Entry {
  loadedAt: number;
  generation: number;
  rarity: Promise<SessionRarity>;
}

/**
 * How many of a session's firms use each tag, for the reasons of a matches page (and of received
 * requests). Counting it means reading every firm of the session: 5,000 rows on each page of a
 * hosted-buyer programme, most of the page's time. It changes only when firms join, leave or
 * edit their tags, so each API process keeps it per session: until the session's scores change
 * generation, for at most 30 s, and forgotten at once when this process sees a change (a join, a
 * departure, a profile edit or verification: the scoring triggers). A change made through another
 * API process shows in the reasons within 30 s; the scores themselves are never cached.
 */
@Injectable()
export class TagRarityCache {
  private readonly entries = new Map<string, Entry>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rarity(
    sessionId: string,
    generation: number,
    tags: string[],
  ): Promise<{ companies: number; df: Map<string, number> }> {
    const now = Date.now();
    let entry = this.entries.get(sessionId);
    if (!entry || entry.generation !== generation || now - entry.loadedAt > RARITY_TTL_MS) {
      this.sweep(now);
      const rarity = loadTagRarity(this.dataSource, sessionId);
      entry = { loadedAt: now, generation, rarity };
      this.entries.set(sessionId, entry);
      const loaded = entry;
      // A failed read is not kept: the next page asks again.
      rarity.catch(() => {
        if (this.entries.get(sessionId) === loaded) this.entries.delete(sessionId);
      });
    }
    const { companies, df } = await entry.rarity;
    return {
      companies,
      df: new Map(tags.flatMap((tag) => (df.has(tag) ? [[tag, df.get(tag) ?? 0] as const] : []))),
    };
  }

  /** Forgets one session's rarity (a firm joined or left it), or every session's (a profile changed). */
  forget(sessionId?: string): void {
    if (sessionId) this.entries.delete(sessionId);
    else this.entries.clear();
  }

  private sweep(now: number): void {
    for (const [sessionId, entry] of this.entries) {
      if (now - entry.loadedAt > RARITY_TTL_MS) this.entries.delete(sessionId);
    }
  }
}
