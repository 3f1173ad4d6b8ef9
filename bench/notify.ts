import 'reflect-metadata';
import { Queue } from 'bullmq';
import { createTransport } from 'nodemailer';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { migrate } from '../src/database/migrate';
import { QUEUES, type AnnounceNoticesJob, type DeliverMailJob } from '../src/jobs/queues';
import { LiveEmitter } from '../src/live/live-emitter';
import { AfterCommit } from '../src/notifications/after-commit';
import { NotificationsService, type Notice } from '../src/notifications/notifications.service';
import {
  BENCH_JWT_SECRET,
  cleanUp,
  cleanups,
  machine,
  option,
  percentile,
  REDIS_URL,
  scratchEnvironment,
  startWorkerProcess,
  stop,
} from './support';

/**
 * `npm run bench:notify`: notifications through the whole outbox path, and beside them the
 * anchor of nodemailer sending the same emails directly, in the same process and run.
 *
 * - `--count` (10,000) notifications are written with `notify` (100 recipients per transaction,
 *   each in their language and zone, rendered into an email), their delivery jobs queued after
 *   each commit; a worker process (`node dist-bench/src/worker.js`) sends them over SMTP to a
 *   local smtp-server in this process. Emails per second from the first commit to the last email
 *   received; end-to-end latency per email from its row's commit to its arrival (p50, p99).
 * - Anchor: the same rendered emails sent by nodemailer straight to the same server, with the same
 *   pool (5 connections) and 8 sends at a time, as the worker does.
 * - `--due` (2,000) notifications due at the same instant (`notBefore`, a few seconds ahead: the
 *   shape of meeting reminders): how late the first, the median and the last went out.
 */
const COUNT = Number(option('count') ?? 10_000);
const DUE = Number(option('due') ?? 2000);
const PER_TRANSACTION = 100;
const JWT_SECRET = BENCH_JWT_SECRET;

interface Received {
  messageId: string;
  at: number;
}

async function startSmtp(
  received: Received[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 200,
    onData: (stream, _session, callback) => {
      // Parsed as the tests read it, but only the Message-ID is kept.
      simpleParser(stream)
        .then((mail) => {
          received.push({ messageId: mail.messageId ?? '', at: Date.now() });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

async function main(): Promise<void> {
  const scratch = await scratchEnvironment('notify');
  cleanups.push(() => scratch.drop());
  await migrate(scratch.databaseUrl);
  const received: Received[] = [];
  const smtp = await startSmtp(received);
  cleanups.push(() => smtp.close());
  const env = {
    DATABASE_URL: scratch.databaseUrl,
    REDIS_URL,
    REDIS_PREFIX: scratch.redisPrefix,
    JWT_SECRET,
    SMTP_URL: smtp.url,
    APP_URL: 'http://bench.trade-match.test',
    LOG_LEVEL: 'warn',
  };
  const config = loadConfig(env);
  const dataSource = await new DataSource(buildDataSourceOptions(scratch.databaseUrl)).initialize();
  cleanups.push(() => dataSource.destroy());
  const queue = new Queue<DeliverMailJob>(QUEUES.mail, {
    connection: { url: REDIS_URL, maxRetriesPerRequest: null },
    prefix: `${scratch.redisPrefix}:bull`,
  });
  cleanups.push(() => queue.close());
  const liveNotices = new Queue<AnnounceNoticesJob>(QUEUES.liveNotices, {
    connection: { url: REDIS_URL, maxRetriesPerRequest: null },
    prefix: `${scratch.redisPrefix}:bull`,
  });
  cleanups.push(() => liveNotices.close());
  const live = new LiveEmitter(config);
  cleanups.push(() => live.onApplicationShutdown());
  const service = new NotificationsService(
    config,
    queue,
    liveNotices,
    live,
    new AfterCommit(dataSource),
  );

  // Recipients: half English in Toronto, half Traditional Chinese in Hong Kong.
  const users = await dataSource.query<{ id: string }[]>(
    `WITH made AS (
       INSERT INTO users (email, name, password_hash)
       SELECT 'bench-' || i || '@example.org', 'Bench User ' || i, 'not-a-hash'
         FROM generate_series(1, $1::int) AS i RETURNING id, email)
     INSERT INTO user_settings (user_id, language, timezone)
     SELECT id, CASE WHEN right(email, 13) ~ '[02468]@' THEN 'zh-Hant' ELSE 'en' END,
            CASE WHEN right(email, 13) ~ '[02468]@' THEN 'Asia/Hong_Kong' ELSE 'America/Toronto' END
       FROM made RETURNING user_id AS id`,
    [Math.max(COUNT, DUE)],
  );
  const notice = (recipients: string[], notBefore?: Date): Notice => ({
    kind: 'request.received',
    recipients,
    params: {
      fromCompany: 'Maple Channel Partners',
      fromCountry: 'CA',
      toCompany: 'Harbour Pay Systems',
      toCountry: 'HK',
      session: 'HK–Canada ICT matching',
      startsAt: {
        at: '2031-09-15T01:00:00.000Z',
        otherZone: 'America/Toronto',
        otherName: 'Maple Channel Partners',
      },
      status: 'pending',
      hasMessage: 'yes',
      message: 'We would like to discuss distribution of NFC terminals in Ontario.',
    },
    link: '/sessions/00000000-0000-4000-8000-000000000000',
    notBefore,
  });
  const write = async (recipients: string[], notBefore?: Date) => {
    for (let start = 0; start < recipients.length; start += PER_TRANSACTION) {
      await dataSource.transaction((manager) =>
        service.notify(
          manager,
          notice(recipients.slice(start, start + PER_TRANSACTION), notBefore),
        ),
      );
    }
  };

  const worker = await startWorkerProcess(env);
  cleanups.push(() => stop(worker));
  console.log(`Machine: ${machine()}`);

  // 1. Through the outbox.
  const started = performance.timeOrigin + performance.now();
  await write(users.slice(0, COUNT).map((user) => user.id));
  const written = performance.timeOrigin + performance.now();
  await until(() => received.length >= COUNT, 600_000, 'the outbox emails');
  const rows = await dataSource.query<{ id: string; created_at: Date; sent_at: Date }[]>(
    `SELECT id, created_at, sent_at FROM notification_outbox`,
  );
  const committedAt = new Map(rows.map((row) => [row.id, row.created_at.getTime()]));
  const latencies = received
    .map((mail) => {
      const id = /^<([0-9a-f-]{36})@/.exec(mail.messageId)?.[1] ?? '';
      return mail.at - (committedAt.get(id) ?? mail.at);
    })
    .sort((a, b) => a - b);
  const last = Math.max(...received.map((mail) => mail.at));
  const outboxRate = (COUNT / (last - started)) * 1000;
  const copies = new Set(received.map((mail) => mail.messageId)).size;

  // 2. The anchor: the same emails, rendered already, straight through nodemailer.
  const emails = await dataSource.query<
    { to_address: string; subject: string; text_body: string; html_body: string }[]
  >(`SELECT to_address, subject, text_body, html_body FROM notification_outbox LIMIT $1`, [COUNT]);
  received.length = 0;
  const transport = createTransport({ url: smtp.url, pool: true, maxConnections: 5 });
  const anchorStart = performance.timeOrigin + performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < emails.length) {
        const email = emails[next++];
        await transport.sendMail({
          from: config.mailFrom,
          to: email.to_address,
          subject: email.subject,
          text: email.text_body,
          html: email.html_body,
        });
      }
    }),
  );
  const anchorMs = performance.timeOrigin + performance.now() - anchorStart;
  transport.close();
  const anchorRate = (emails.length / anchorMs) * 1000;

  // 3. Due at the same instant: the shape of reminders.
  received.length = 0;
  const due = new Date(Date.now() + 8000);
  await write(
    users.slice(0, DUE).map((user) => user.id),
    due,
  );
  const writtenDue = Date.now();
  await until(() => received.length >= DUE, 600_000, 'the due emails');
  const late = received.map((mail) => mail.at - due.getTime()).sort((a, b) => a - b);

  console.log(`
Outbox: ${COUNT.toLocaleString('en')} notifications, ${PER_TRANSACTION} per transaction, one worker process
  written (rendered, committed, jobs queued) in ${ms(written - started)}
  delivered: ${outboxRate.toFixed(0)} emails/s (first commit to last email), ${copies.toLocaleString('en')} distinct Message-IDs
  end to end (commit to arrival): p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}
Anchor: nodemailer straight to the same server, same emails, pool of 5, 8 at a time
  ${anchorRate.toFixed(0)} emails/s (outbox path: ${((outboxRate / anchorRate) * 100).toFixed(0)} % of it)
Due together: ${DUE.toLocaleString('en')} notifications with the same notBefore (written ${ms(due.getTime() - writtenDue)} ahead of it)
  late: first ${ms(late[0])}, p50 ${ms(percentile(late, 50))}, last ${ms(late[late.length - 1])}
`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void cleanUp().then(() => process.exit()));
