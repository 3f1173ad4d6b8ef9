import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

type Work = () => void;

/**
 * Runs work once the transaction of an EntityManager has committed, and drops it if it rolls
 * back: what must not happen for a change that did not happen (a delivery job queued, a live
 * event sent) waits for the commit. A TypeORM subscriber of this process's DataSource; a manager
 * outside a transaction runs the work at once. Savepoints (nested transactions) wait for the
 * outermost commit.
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface {
  private readonly logger = new Logger(AfterCommit.name);
  private readonly pending = new WeakMap<QueryRunner, Work[]>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  run(manager: EntityManager, work: Work): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      this.safely(work);
      return;
    }
    const list = this.pending.get(runner) ?? [];
    list.push(work);
    this.pending.set(runner, list);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return; // a savepoint was released; the transaction goes on
    const list = this.pending.get(runner);
    this.pending.delete(runner);
    for (const work of list ?? []) this.safely(work);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  private safely(work: Work): void {
    try {
      work();
    } catch (error) {
      this.logger.warn({ err: error }, 'after-commit work failed');
    }
  }
}
