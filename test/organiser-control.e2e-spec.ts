import type { Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { AccountMailbox, linkIn, MAIL_APP_URL } from './support/account-mail';
import { eventually } from './support/app';
import { sessionInput, unique, useApi, type Account } from './support/client';
import { collect, LiveClients, listen, request, until } from './support/live';

/** Organisers' control (issue 15): participants, invitations, and moves taken back. */
describe("organisers' control of a session", () => {
  const client = useApi({ APP_URL: MAIL_APP_URL });
  const mail = new AccountMailbox();
  beforeAll(() => mail.start(), 60_000);
  afterAll(() => mail.stop());

  let organiser: Account;
  beforeAll(async () => {
    organiser = await client.organiser();
  }, 120_000);

  const db = () => client.app.get(DataSource);

  async function session(overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await client
      .as(organiser.accessToken)
      .post('/api/sessions')
      .send(sessionInput(overrides))
      .expect(201);
    return created.body.id as string;
  }

  /** A verified firm of a country that joined the session. */
  async function participant(sessionId: string, country = 'HK') {
    const owner = await client.signUp();
    const company = await client.verifiedCompany(owner.accessToken, organiser.accessToken, {
      country,
      timezone: country === 'HK' ? 'Asia/Hong_Kong' : 'America/Toronto',
    });
    await client.join(owner.accessToken, sessionId, company.id);
    return { owner, companyId: company.id, name: company.name };
  }

  const participants = async (sessionId: string) =>
    (
      await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/participants?pageSize=100`)
        .expect(200)
    ).body.items as { companyId: string; availability: unknown[] }[];

  describe('participants', () => {
    it("lets the firm's users and organisers change availability, nobody else", async () => {
      const sessionId = await session();
      const firm = await participant(sessionId);
      const stranger = await client.signUp();
      const path = `/api/sessions/${sessionId}/participants/${firm.companyId}`;
      const window = { from: '2031-03-10T01:00:00Z', to: '2031-03-10T02:00:00Z' };

      const byOwner = await client
        .as(firm.owner.accessToken)
        .patch(path)
        .send({ availability: [window] })
        .expect(200);
      expect(byOwner.body).toMatchObject({
        companyId: firm.companyId,
        availability: [{ from: '2031-03-10T01:00:00.000Z', to: '2031-03-10T02:00:00.000Z' }],
      });
      await client.as(organiser.accessToken).patch(path).send({ availability: [] }).expect(200);
      expect((await participants(sessionId))[0].availability).toEqual([]);

      const refused = await client
        .as(stranger.accessToken)
        .patch(path)
        .send({ availability: [window] })
        .expect(403);
      expect(refused.body.code).toBe('company.not_yours');
      await client.as(stranger.accessToken).delete(path).expect(403);

      for (const availability of [null, 'all day', [{ from: 'soon', to: 3 }], [7]]) {
        const bad = await client
          .as(organiser.accessToken)
          .patch(path)
          .send({ availability })
          .expect(400);
        expect(Object.keys(bad.body.fields).join(' ')).toContain('availability');
      }
      const outside = await client
        .as(organiser.accessToken)
        .patch(path)
        .send({ availability: [{ from: '2031-04-01T00:00:00Z', to: '2031-04-01T01:00:00Z' }] })
        .expect(400);
      expect(outside.body.fields).toBeDefined();

      const notIn = await client.verifiedCompany(stranger.accessToken, organiser.accessToken);
      await client
        .as(organiser.accessToken)
        .patch(`/api/sessions/${sessionId}/participants/${notIn.id}`)
        .send({ availability: [] })
        .expect(404);
      await client
        .as(organiser.accessToken)
        .delete(`/api/sessions/${sessionId}/participants/${notIn.id}`)
        .expect(404);
    });

    it('removes a firm with its requests, telling the firms on the other side', async () => {
      const sessionId = await session();
      const [leaving, asked, asking, bystander] = [
        await participant(sessionId, 'HK'),
        await participant(sessionId, 'CA'),
        await participant(sessionId, 'CA'),
        await participant(sessionId, 'CA'),
      ];
      const sent = await client
        .as(leaving.owner.accessToken)
        .post(`/api/sessions/${sessionId}/requests`)
        .send({ fromCompanyId: leaving.companyId, toCompanyId: asked.companyId })
        .expect(201);
      const received = await client
        .as(asking.owner.accessToken)
        .post(`/api/sessions/${sessionId}/requests`)
        .send({ fromCompanyId: asking.companyId, toCompanyId: leaving.companyId })
        .expect(201);
      const untouched = await client
        .as(asking.owner.accessToken)
        .post(`/api/sessions/${sessionId}/requests`)
        .send({ fromCompanyId: asking.companyId, toCompanyId: bystander.companyId })
        .expect(201);

      await client
        .as(organiser.accessToken)
        .delete(`/api/sessions/${sessionId}/participants/${leaving.companyId}`)
        .expect(204);

      expect((await participants(sessionId)).map((p) => p.companyId)).not.toContain(
        leaving.companyId,
      );
      const statuses = await db().query<{ id: string; status: string }[]>(
        'SELECT id, status FROM meeting_requests WHERE id = ANY($1::uuid[])',
        [[sent.body.id, received.body.id, untouched.body.id]],
      );
      const statusOf = (id: string) => statuses.find((row) => row.id === id)?.status;
      expect(statusOf(sent.body.id)).toBe('cancelled');
      expect(statusOf(received.body.id)).toBe('cancelled');
      expect(statusOf(untouched.body.id)).toBe('pending');

      for (const other of [asked, asking]) {
        const notices = await client
          .as(other.owner.accessToken)
          .get('/api/notifications')
          .expect(200);
        const titles = (notices.body.items as { kind: string; title: string }[])
          .filter((notice) => notice.kind === 'request.cancelled')
          .map((notice) => notice.title);
        expect(titles).toContain(
          `${leaving.name} no longer takes part in “${await titleOf(sessionId)}”`,
        );
      }
      // Gone: removing again is 404; joining again works.
      await client
        .as(organiser.accessToken)
        .delete(`/api/sessions/${sessionId}/participants/${leaving.companyId}`)
        .expect(404);
      await client.join(leaving.owner.accessToken, sessionId, leaving.companyId);
    });

    it('refuses to remove a firm once the session is live (409), and a firm may leave before', async () => {
      const sessionId = await session();
      const staying = await participant(sessionId);
      const leaving = await participant(sessionId);
      await client
        .as(leaving.owner.accessToken)
        .delete(`/api/sessions/${sessionId}/participants/${leaving.companyId}`)
        .expect(204);
      await setStatus(sessionId, 'live').expect(200);
      const refused = await client
        .as(organiser.accessToken)
        .delete(`/api/sessions/${sessionId}/participants/${staying.companyId}`)
        .expect(409);
      expect(refused.body.code).toBe('session.live');
      expect((await participants(sessionId)).map((p) => p.companyId)).toEqual([staying.companyId]);
    });
  });

  async function titleOf(sessionId: string): Promise<string> {
    const read = await client.as(organiser.accessToken).get(`/api/sessions/${sessionId}`);
    return read.body.title as string;
  }

  const setStatus = (sessionId: string, status: string) =>
    client.as(organiser.accessToken).patch(`/api/sessions/${sessionId}`).send({ status });

  describe('invitations by email', () => {
    const invitationLinkOf = async (email: string) => {
      const start = `${MAIL_APP_URL}/session-invitations/accept`;
      const mails = await eventually(() => {
        const found = mail.smtp.to(email).filter((one) => (one.text ?? '').includes(start));
        return Promise.resolve(found.length > 0 ? found : undefined);
      }, 20_000);
      const newest = mails[mails.length - 1];
      return { mail: newest, token: new URL(linkIn(newest, start)).searchParams.get('token')! };
    };

    it('emails a firm that signs up, registers and joins once verified', async () => {
      const sessionId = await session();
      const title = await titleOf(sessionId);
      const email = `${unique('invited')}@example.ca`;
      const invited = await client
        .as(organiser.accessToken)
        .post(`/api/sessions/${sessionId}/invitations`)
        .send({ email: `  ${email.toUpperCase()} `, companyName: 'Northwind Wireless' })
        .expect(201);
      expect(invited.body).toMatchObject({
        sessionId,
        email,
        companyName: 'Northwind Wireless',
        claimed: false,
        companyId: null,
      });
      const { mail: sent, token } = await invitationLinkOf(email);
      expect(sent.subject).toContain(title);
      expect(sent.text).toContain('Northwind Wireless');

      const firm = await client.signUp({ email });
      const accepted = await client
        .as(firm.accessToken)
        .post('/api/session-invitations/accept')
        .send({ token })
        .expect(200);
      expect(accepted.body).toEqual({ sessionId, sessionTitle: title, companyId: null });

      const company = await client.company(firm.accessToken, {
        country: 'CA',
        timezone: 'America/Toronto',
      });
      expect(await participants(sessionId)).toEqual([]);
      await client
        .as(organiser.accessToken)
        .post(`/api/companies/${company.id}/verification`)
        .send({ status: 'verified' })
        .expect(200);
      expect((await participants(sessionId)).map((p) => p.companyId)).toEqual([company.id]);

      const list = await client
        .as(organiser.accessToken)
        .get(`/api/sessions/${sessionId}/invitations`)
        .expect(200);
      expect(list.body).toEqual([
        expect.objectContaining({ email, claimed: true, companyId: company.id }),
      ]);
      // Inviting an address whose firm takes part already is a 409.
      const again = await client
        .as(organiser.accessToken)
        .post(`/api/sessions/${sessionId}/invitations`)
        .send({ email })
        .expect(409);
      expect(again.body.code).toBe('session_invitation.already_participant');
    });

    it('joins at once a verified company of an existing account', async () => {
      const sessionId = await session();
      const owner = await client.signUp();
      const company = await client.verifiedCompany(owner.accessToken, organiser.accessToken);
      await client
        .as(organiser.accessToken)
        .post(`/api/sessions/${sessionId}/invitations`)
        .send({ email: owner.user.email })
        .expect(201);
      const { token } = await invitationLinkOf(owner.user.email);
      const accepted = await client
        .as(owner.accessToken)
        .post('/api/session-invitations/accept')
        .send({ token })
        .expect(200);
      expect(accepted.body.companyId).toBe(company.id);
      expect((await participants(sessionId)).map((p) => p.companyId)).toEqual([company.id]);
      // Somebody else cannot use the same link.
      const other = await client.signUp();
      const reused = await client
        .as(other.accessToken)
        .post('/api/session-invitations/accept')
        .send({ token })
        .expect(400);
      expect(reused.body.fields).toHaveProperty('token');
    });

    it('is for organisers to send, and refuses bad input and bad links', async () => {
      const sessionId = await session();
      const member = await client.signUp();
      await client
        .as(member.accessToken)
        .post(`/api/sessions/${sessionId}/invitations`)
        .send({ email: 'someone@example.org' })
        .expect(403);
      for (const body of [{}, { email: null }, { email: 'not an address' }, { email: 7 }]) {
        const bad = await client
          .as(organiser.accessToken)
          .post(`/api/sessions/${sessionId}/invitations`)
          .send(body)
          .expect(400);
        expect(bad.body.fields).toHaveProperty('email');
      }
      const badName = await client
        .as(organiser.accessToken)
        .post(`/api/sessions/${sessionId}/invitations`)
        .send({ email: 'someone@example.org', companyName: 42 })
        .expect(400);
      expect(badName.body.fields).toHaveProperty('companyName');
      const bad = await client
        .as(member.accessToken)
        .post('/api/session-invitations/accept')
        .send({ token: 'x'.repeat(43) })
        .expect(400);
      expect(bad.body.code).toBe('auth.token_invalid_link');
      const [{ count }] = await db().query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM session_invitations WHERE session_id = $1',
        [sessionId],
      );
      expect(count).toBe(0);
    });
  });

  describe('taking a move to live or closed back', () => {
    const clients = new LiveClients();
    afterAll(() => clients.closeAll());

    it('moves a session back from live, then from closed, telling its room', async () => {
      const sessionId = await session();
      const firm = await participant(sessionId);
      const socket: Socket = await clients.connected(
        await listen(client.app),
        firm.owner.accessToken,
      );
      expect(await request(socket, 'session:join', { sessionId })).toMatchObject({ ok: true });
      const updates = collect<{ sessionId: string; status: string }>(socket, 'session.updated');

      const live = await setStatus(sessionId, 'live').expect(200);
      expect(live.body).toMatchObject({ status: 'live', previousStatus: 'open' });
      expect(Date.parse(live.body.undoUntil as string) - Date.now()).toBeGreaterThan(23 * 3600_000);
      const back = await setStatus(sessionId, 'open').expect(200);
      expect(back.body).toMatchObject({ status: 'open', undoUntil: null });

      await setStatus(sessionId, 'closed').expect(200);
      const reopened = await setStatus(sessionId, 'open').expect(200);
      expect(reopened.body.status).toBe('open');
      await setStatus(sessionId, 'closed').expect(200);
      await setStatus(sessionId, 'open').expect(200);
      await until(() => updates.length >= 6);
      expect(updates.map((update) => update.status)).toEqual([
        'live',
        'open',
        'closed',
        'open',
        'closed',
        'open',
      ]);
    });

    it('refuses after 24 hours, once the start came, or once a meeting was held since', async () => {
      const expired = await session();
      await setStatus(expired, 'closed').expect(200);
      await db().query(
        "UPDATE sessions SET status_changed_at = now() - interval '25 hours' WHERE id = $1",
        [expired],
      );
      const late = await setStatus(expired, 'open').expect(409);
      expect(late.body.code).toBe('session.undo_expired');
      expect(
        (await client.as(organiser.accessToken).get(`/api/sessions/${expired}`)).body,
      ).toMatchObject({ status: 'closed', undoUntil: null });

      const started = await session();
      await setStatus(started, 'live').expect(200);
      await db().query(
        "UPDATE sessions SET starts_at = now() - interval '1 minute', status_changed_at = now() - interval '2 minutes' WHERE id = $1",
        [started],
      );
      const refused = await setStatus(started, 'open').expect(409);
      expect(refused.body.code).toBe('session.undo_started');

      const held = await session();
      const a = await participant(held, 'HK');
      const b = await participant(held, 'CA');
      await setStatus(held, 'live').expect(200);
      const [first, second] = [a.companyId, b.companyId].sort();
      await db().query(
        `INSERT INTO meetings (session_id, slot_index, company_a, company_b, status, origin)
         VALUES ($1, 0, $2, $3, 'held', 'score')`,
        [held, first, second],
      );
      const afterMeeting = await setStatus(held, 'open').expect(409);
      expect(afterMeeting.body.code).toBe('session.undo_meetings_held');
      expect(
        (await client.as(organiser.accessToken).get(`/api/sessions/${held}`)).body.status,
      ).toBe('live');
    });

    it('is for organisers only, and other moves back stay refused', async () => {
      const sessionId = await session();
      const member = await client.signUp();
      await setStatus(sessionId, 'live').expect(200);
      await client
        .as(member.accessToken)
        .patch(`/api/sessions/${sessionId}`)
        .send({ status: 'open' })
        .expect(403);
      const wrong = await setStatus(sessionId, 'draft').expect(409);
      expect(wrong.body.code).toBe('session.bad_transition');
    });
  });
});
