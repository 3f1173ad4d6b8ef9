import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import type {
  FinishRescoreJob,
  ScoreBlockJob,
  RescoreCompanyJob,
  CompanyChangedJob,
} from '../jobs/queues';
import { StepPauses } from '../jobs/step-pause';
import { LiveEmitter } from '../live/live-emitter';
import { MatchmakingSession } from '../sessions/session.entity';
import { replaceMatches, TOP_K } from './match-store';
import { compileSession } from './scoring/compile-session';
import { scorePair, scoreTopMatches } from './scoring/score-kernel';
import { ScoringQueue } from './scoring-queue';
import { loadProfiles, scoringSettingsDigest, toScoringSession } from './session-inputs';
import { FullRescores } from './full-rescores.service';

/** Incremental rescoring recomputes up to this many lists one by one, else all of them. */
const ROW_BY_ROW_LIMIT = 32;

/**
 * The worker's scoring: load the session's profiles, run the pure kernel, write rows in bulk.
 * Writes are idempotent (a retried job replaces its own rows), so a crashed worker loses nothing.
 */
@Injectable()
export class ScoringWorkerService {
  private readonly logger = new Logger(ScoringWorkerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LiveEmitter,
    private readonly queue: ScoringQueue,
    private readonly rescores: FullRescores,
    private readonly pauses: StepPauses,
  ) {}

  /** One block of a full rescore: the top matches of companies [start, end) of the snapshot. */
  async scoreBlock(job: Job<ScoreBlockJob>): Promise<number> {
    const { sessionId, generation, start, end } = job.data;
    const snapshotAt = new Date(job.data.snapshotAt);
    const session = await this.dataSource
      .getRepository(MatchmakingSession)
      .findOneBy({ id: sessionId });
    if (!session) return 0;
    const profiles = await loadProfiles(this.dataSource, sessionId, snapshotAt);
    const compiled = compileSession(profiles, toScoringSession(session));
    const last = Math.min(end, compiled.n);
    if (start >= last) return 0;
    const top = scoreTopMatches(compiled, { k: TOP_K, rows: [start, last] });
    await job.updateProgress(50);
    await this.pauses.at('score.before-write', sessionId);
    const positions = Array.from({ length: last - start }, (_, i) => start + i);
    const rows = await this.dataSource.transaction((manager) =>
      replaceMatches(manager, sessionId, generation, compiled.ids, top, positions),
    );
    await job.updateProgress(100);
    return rows;
  }

  /**
   * Makes a finished generation current and drops the others in one transaction, unless a newer
   * one already finished. Companies that changed or joined after the snapshot are rescored again.
   * Also started as soon as a block failed for good (`continueParentOnFailure`): the rescore then
   * fails with that block's reason, its unstarted blocks are dropped, and the generation never
   * becomes current.
   */
  async finishRescore(job: Job<FinishRescoreJob>): Promise<boolean> {
    const { data } = job;
    const failures = Object.entries(await job.getIgnoredChildrenFailures());
    if (failures.length > 0) {
      await job.removeUnprocessedChildren();
      const [child, reason] = failures[0];
      const block = child.slice(child.lastIndexOf('.') + 1);
      throw new UnrecoverableError(`Score ${block} failed: ${reason}`);
    }
    const { sessionId, generation } = data;
    const current = await this.dataSource.transaction(async (manager) => {
      const [rows] = await manager.query<[{ id: string }[], number]>(
        'UPDATE sessions SET score_generation = $2 WHERE id = $1 AND score_generation < $2 RETURNING id',
        [sessionId, generation],
      );
      const isCurrent = rows.length > 0;
      await manager.query(
        isCurrent
          ? 'DELETE FROM match_scores WHERE session_id = $1 AND generation <> $2'
          : 'DELETE FROM match_scores WHERE session_id = $1 AND generation = $2',
        [sessionId, generation],
      );
      return isCurrent;
    });
    if (!current) return false;
    const participants = await this.dataSource.query<
      { company_id: string; stamp: string; changed: boolean }[]
    >(
      `SELECT p.company_id, 'v' || c.version || '-' || (extract(epoch from p.updated_at) * 1000)::bigint AS stamp,
              (p.updated_at > $2 OR c.updated_at > $2) AS changed
         FROM session_participants p JOIN companies c ON c.id = p.company_id WHERE p.session_id = $1`,
      [sessionId, data.snapshotAt],
    );
    for (const participant of participants.filter((row) => row.changed)) {
      await this.queue.companyJoined({
        sessionId,
        companyId: participant.company_id,
        stamp: participant.stamp,
      });
    }
    this.live.matchesUpdated(
      sessionId,
      participants.map((row) => row.company_id),
    );
    // Weights (or the window, or the sides) changed while the blocks ran: some may have scored
    // with the old ones. What is current now is still better than the last generation, and a
    // new full rescore (its id from the new state, so queued once) brings the rest in line.
    const session = await this.dataSource
      .getRepository(MatchmakingSession)
      .findOneBy({ id: sessionId });
    if (session && data.settings && data.settings !== scoringSettingsDigest(session)) {
      // Not retried by failing this job: a retry would find its generation current already.
      await this.rescores.start(session).catch((error: unknown) => {
        this.logger.warn({ err: error, sessionId }, 'could not queue the rescore again');
      });
    }
    return true;
  }

  /**
   * Rescores one company in one session: its own top matches, and those of every company whose
   * list it enters or leaves. Runs under the session's row lock, in the current generation.
   */
  async rescoreCompany(data: RescoreCompanyJob): Promise<number> {
    const { sessionId, companyId } = data;
    const affected = await this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(MatchmakingSession, {
        where: { id: sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session) return [];
      const profiles = await loadProfiles(manager, sessionId);
      const compiled = compileSession(profiles, toScoringSession(session));
      const c = compiled.ids.indexOf(companyId);
      const generation = session.scoreGeneration;
      if (c < 0) {
        // No longer taking part (or no longer verified): it leaves every list.
        await manager.query(
          'DELETE FROM match_scores WHERE session_id = $1 AND generation = $2 AND (company_id = $3 OR other_id = $3)',
          [sessionId, generation, companyId],
        );
        return [];
      }
      const lists = await manager.query<
        { company_id: string; n: number; lowest: number; has: boolean }[]
      >(
        `SELECT company_id, count(*)::int AS n, min(score) AS lowest, bool_or(other_id = $3) AS has
           FROM match_scores WHERE session_id = $1 AND generation = $2 GROUP BY company_id`,
        [sessionId, generation, companyId],
      );
      const list = new Map(lists.map((row) => [row.company_id, row]));
      const positions = new Set<number>([c]);
      for (let b = 0; b < compiled.n; b++) {
        if (b === c) continue;
        const score = scorePair(compiled, b, c);
        const current = list.get(compiled.ids[b]);
        const entersList = score > 0 && (!current || current.n < TOP_K || score > current.lowest);
        if (current?.has || entersList) positions.add(b);
      }
      // Each single-row kernel call allocates a whole result (n × k): beyond a few rows, one
      // pass over every row is cheaper.
      const top =
        positions.size > ROW_BY_ROW_LIMIT
          ? scoreTopMatches(compiled, { k: TOP_K })
          : this.rowsOnly(compiled, positions);
      await replaceMatches(manager, sessionId, generation, compiled.ids, top, positions);
      return [...positions].map((position) => compiled.ids[position]);
    });
    this.live.matchesUpdated(sessionId, affected);
    return affected.length;
  }

  /** A company's profile changed: rescore it in each session it takes part in that is not closed. */
  async companyChanged(data: CompanyChangedJob): Promise<number> {
    const sessions = await this.dataSource.query<{ session_id: string; stamp: string }[]>(
      `SELECT p.session_id, 'v' || $2 || '-' || (extract(epoch from p.updated_at) * 1000)::bigint AS stamp
         FROM session_participants p JOIN sessions s ON s.id = p.session_id
        WHERE p.company_id = $1 AND s.status <> 'closed'`,
      [data.companyId, data.version],
    );
    for (const session of sessions) {
      await this.queue.companyJoined({
        sessionId: session.session_id,
        companyId: data.companyId,
        stamp: session.stamp,
      });
    }
    return sessions.length;
  }

  /** Top matches of just some rows, merged into one result laid out like a full one. */
  private rowsOnly(compiled: ReturnType<typeof compileSession>, positions: Set<number>) {
    const merged = {
      k: TOP_K,
      n: compiled.n,
      others: new Int32Array(compiled.n * TOP_K).fill(-1),
      scores: new Float32Array(compiled.n * TOP_K),
      counts: new Int32Array(compiled.n),
    };
    for (const a of positions) {
      const row = scoreTopMatches(compiled, { k: TOP_K, rows: [a, a + 1] });
      merged.others.set(row.others.subarray(a * TOP_K, (a + 1) * TOP_K), a * TOP_K);
      merged.scores.set(row.scores.subarray(a * TOP_K, (a + 1) * TOP_K), a * TOP_K);
      merged.counts[a] = row.counts[a];
    }
    this.logger.debug(`rescored ${positions.size} rows`);
    return merged;
  }
}
