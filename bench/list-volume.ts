import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { PARTNER_TYPES, SECTORS } from '../src/companies/taxonomy';

/**
 * A directory, a session and a notification centre at the scale of a large trade fair, written
 * straight into the database with INSERT … SELECT generate_series (100,000 companies in seconds):
 * used by `bench/lists.ts` and by the EXPLAIN test (`test/list-plans.e2e-spec.ts`). Companies get
 * the search document the indexer would build; every 50th waits for verification.
 */
export interface ListVolume {
  companies: number;
  /** Firms in the one session, each with `matchesPerFirm` ranked matches. */
  sessionFirms: number;
  matchesPerFirm: number;
  /** Notifications of the one reader (`readerId`). */
  notifications: number;
  /** Conversations between pairs of firms, 40 messages each. */
  conversations: number;
}

export interface FilledLists {
  sessionId: string;
  /** A firm in the session: the reader speaks for it (once `readerId` is its member). */
  viewerCompanyId: string;
  /** The user whose notification centre is filled; made here unless given. */
  readerId: string;
}

const WORDS = [
  'Harbour',
  'Maple',
  'Aurora',
  'Pacific',
  'Northern',
  'Jade',
  'Summit',
  'Cedar',
  'Lotus',
  'Granite',
  'Silver',
  'Coastal',
  'Pioneer',
  'Orchid',
  'Atlas',
  'Beacon',
  'Crimson',
  'Delta',
  'Evergreen',
  'Falcon',
  'Golden',
  'Horizon',
  'Ivory',
  'Kestrel',
];
const KINDS = [
  'Systems',
  'Payments',
  'Networks',
  'Labs',
  'Trading',
  'Software',
  'Devices',
  'Media',
];
const TAGS = Array.from({ length: 300 }, (_, index) => `tag ${index}`).concat([
  'nfc payment terminals',
  'lte modules',
  'distribution partners',
  'cloud telephony',
  'smart cards',
  'mobile games',
  'cybersecurity audits',
  'iot sensors',
]);
const COUNTRIES = ['HK', 'CA', 'FI', 'GB', 'DE', 'IN', 'KR', 'AU', 'IL', 'FR', 'JP', 'SG'];

export async function fillLists(
  db: Client,
  volume: ListVolume,
  reader?: { userId: string },
): Promise<FilledLists> {
  await db.query(
    `INSERT INTO companies (name, country, city, timezone, employees, status, version, indexed_version,
                            description, sectors, offers, seeks, partner_types, target_markets,
                            languages, search_document)
     SELECT name, country, 'City ' || (n % 97), 'UTC', '10-49',
            (CASE WHEN n % 50 = 0 THEN 'pending' ELSE 'verified' END)::company_status, 1, 1,
            'Firm number ' || n || ' makes and sells things.', sectors, offers, seeks,
            partner_types, ARRAY[country], ARRAY['en'],
            setweight(to_tsvector('simple', name), 'A') ||
            setweight(to_tsvector('simple', array_to_string(offers || seeks, ' ')), 'B') ||
            setweight(to_tsvector('simple', array_to_string(sectors, ' ') || ' City ' || (n % 97) || ' ' || country), 'C') ||
            setweight(to_tsvector('simple', 'Firm number ' || n || ' makes and sells things.'), 'D')
       FROM (SELECT n,
                    ($1::text[])[1 + (n * 7) % cardinality($1::text[])] || ' ' ||
                      ($2::text[])[1 + (n * 13) % cardinality($2::text[])] || ' ' || n AS name,
                    ($3::text[])[1 + n % cardinality($3::text[])] AS country,
                    ARRAY[($4::text[])[1 + n % cardinality($4::text[])]] AS sectors,
                    ARRAY[($5::text[])[1 + (n * 31) % cardinality($5::text[])],
                          ($5::text[])[1 + (n * 17) % cardinality($5::text[])]] AS offers,
                    ARRAY[($5::text[])[1 + (n * 11) % cardinality($5::text[])]] AS seeks,
                    ARRAY[($6::text[])[1 + n % cardinality($6::text[])]] AS partner_types
               FROM generate_series(1, $7::int) AS n) g`,
    [WORDS, KINDS, COUNTRIES, SECTORS, TAGS, PARTNER_TYPES, volume.companies],
  );
  const sessionId = randomUUID();
  const start = Date.now() + 30 * 24 * 3600_000;
  await db.query(
    `INSERT INTO sessions (id, title, mode, timezone, starts_at, ends_at, slot_minutes,
                           max_meetings_per_company, request_deadline, status, weights, score_generation)
     VALUES ($1, 'Hosted-buyer programme', 'in-person', 'Asia/Hong_Kong', $2, $3, 20, 8, $2,
             'open', '{}', 1)`,
    [sessionId, new Date(start), new Date(start + 8 * 3600_000)],
  );
  // The session's firms, numbered, so that each one's matches are others of the session.
  await db.query(
    `CREATE TEMP TABLE volume_firms AS
       SELECT id, (row_number() OVER (ORDER BY id))::int - 1 AS k
         FROM (SELECT id FROM companies WHERE status = 'verified' ORDER BY id LIMIT $1) f`,
    [volume.sessionFirms],
  );
  await db.query(
    `INSERT INTO session_participants (session_id, company_id) SELECT $1, id FROM volume_firms`,
    [sessionId],
  );
  const firms = volume.sessionFirms;
  await db.query(
    `INSERT INTO match_scores (session_id, generation, company_id, other_id, score)
     SELECT $1, 1, f.id, o.id, round((95 - j * 1.5 + (f.k % 7))::numeric, 1)::real
       FROM volume_firms f CROSS JOIN generate_series(1, $2::int) AS j
       JOIN volume_firms o ON o.k = (f.k + j * 97) % $3`,
    [sessionId, Math.min(volume.matchesPerFirm, Math.floor((firms - 1) / 97)), firms],
  );
  // Each firm has asked ten others for a meeting: three still pending, the rest declined.
  await db.query(
    `INSERT INTO meeting_requests (session_id, from_company_id, to_company_id, status, created_at)
     SELECT $1, f.id, o.id, (CASE WHEN j <= 3 THEN 'pending' ELSE 'declined' END)::request_status,
            now() - (f.k + j) * interval '1 minute'
       FROM volume_firms f CROSS JOIN generate_series(1, 10) AS j
       JOIN volume_firms o ON o.k = (f.k + j * 101) % $2`,
    [sessionId, firms],
  );
  const [{ id: viewerCompanyId }] = (
    await db.query<{ id: string }>(`SELECT id FROM volume_firms WHERE k = 0`)
  ).rows;
  await db.query(`DROP TABLE volume_firms`);
  let readerId = reader?.userId;
  if (!readerId) {
    readerId = randomUUID();
    await db.query(
      `INSERT INTO users (id, email, name, password_hash, role) VALUES ($1, $2, 'Volume Reader', 'x', 'member')`,
      [readerId, `reader-${readerId}@volume.example`],
    );
  }
  await db.query(
    `INSERT INTO company_members (company_id, user_id, role) VALUES ($1, $2, 'owner')`,
    [viewerCompanyId, readerId],
  );
  await db.query(
    `INSERT INTO notifications (user_id, kind, params, link, created_at, read_at)
     SELECT $1, 'company.verification',
            jsonb_build_object('company', 'Firm ' || n, 'status', 'verified', 'hasReason', 'no', 'reason', ''),
            '/company', now() - n * interval '7 minutes',
            CASE WHEN n % 3 = 0 THEN NULL ELSE now() END
       FROM generate_series(1, $2::int) AS n`,
    [readerId, volume.notifications],
  );
  await db.query(
    `WITH firms AS (SELECT id, (row_number() OVER (ORDER BY id))::int AS k FROM companies
                     ORDER BY id LIMIT $1 * 2),
          pairs AS (INSERT INTO conversations (company_a, company_b)
                    SELECT least(a.id, b.id), greatest(a.id, b.id)
                      FROM firms a JOIN firms b ON b.k = a.k + $1 RETURNING id, company_a)
     INSERT INTO messages (conversation_id, company_id, text, sent_at)
     SELECT p.id, p.company_a, 'Message ' || n, now() - n * interval '1 hour'
       FROM pairs p CROSS JOIN generate_series(1, 40) AS n`,
    [volume.conversations],
  );
  await db.query('ANALYZE');
  return { sessionId, viewerCompanyId, readerId };
}
