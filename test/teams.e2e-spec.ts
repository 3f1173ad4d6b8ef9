import { AccountMailbox, MAIL_APP_URL } from './support/account-mail';
import { unique, useApi, type Account } from './support/client';
import { collect, LiveClients, listen, request, settle, until } from './support/live';

describe('company teams', () => {
  const client = useApi({ APP_URL: MAIL_APP_URL });
  const mail = new AccountMailbox();
  beforeAll(() => mail.start(), 60_000);
  afterAll(() => mail.stop());

  let organiser: Account;
  beforeAll(async () => {
    organiser = await client.organiser();
  });

  /** The app's address, listening once for the suite's live clients. */
  let listening: Promise<string> | undefined;
  const baseUrl = () => (listening ??= listen(client.app));

  /** A company of a new owner. */
  async function firm() {
    const owner = await client.signUp();
    const company = await client.company(owner.accessToken);
    return { owner, companyId: company.id };
  }

  const invite = (token: string, companyId: string, email: string, role = 'member') =>
    client.as(token).post(`/api/companies/${companyId}/invitations`).send({ email, role });
  const members = (token: string, companyId: string) =>
    client.as(token).get(`/api/companies/${companyId}/members`);
  const setRole = (token: string, companyId: string, userId: string, role: string) =>
    client.as(token).patch(`/api/companies/${companyId}/members/${userId}`).send({ role });
  const remove = (token: string, companyId: string, userId: string) =>
    client.as(token).delete(`/api/companies/${companyId}/members/${userId}`);

  /** Invites a new colleague, who signs up and accepts. */
  async function colleague(owner: Account, companyId: string, role = 'member') {
    const email = `${unique('colleague')}@example.org`;
    await invite(owner.accessToken, companyId, email, role).expect(201);
    const token = await mail.token(email, 'invitation');
    const account = await client.signUp({ email });
    const accepted = await client
      .as(account.accessToken)
      .post('/api/invitations/accept')
      .send({ token })
      .expect(200);
    return { account, membership: accepted.body as Record<string, unknown> };
  }

  it('lists the team for its users and organisers, no one else', async () => {
    const { owner, companyId } = await firm();
    const stranger = await client.signUp();
    const listed = await members(owner.accessToken, companyId).expect(200);
    expect(listed.body).toEqual([
      {
        userId: owner.user.id,
        name: owner.user.name,
        email: owner.user.email,
        role: 'owner',
        emailVerified: false,
      },
    ]);
    await members(organiser.accessToken, companyId).expect(200);
    const refused = await members(stranger.accessToken, companyId).expect(403);
    expect(refused.body.code).toBe('company.not_yours');
    await client.http.get(`/api/companies/${companyId}/members`).expect(401);
    await members(owner.accessToken, '00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('brings two colleagues in by email; they can do what the company users do', async () => {
    const { owner, companyId } = await firm();
    const email = `${unique('ben')}@example.org`;
    const invited = await invite(owner.accessToken, companyId, email.toUpperCase()).expect(201);
    expect(invited.body).toEqual({
      id: expect.any(String),
      companyId,
      email,
      role: 'member',
      expiresAt: expect.any(String),
      createdAt: expect.any(String),
    });
    const days = (Date.parse(invited.body.expiresAt as string) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    const pending = await client
      .as(owner.accessToken)
      .get(`/api/companies/${companyId}/invitations`)
      .expect(200);
    expect(pending.body).toEqual([invited.body]);

    const token = await mail.token(email, 'invitation');
    const ben = await client.signUp({ email });
    const accepted = await client
      .as(ben.accessToken)
      .post('/api/invitations/accept')
      .send({ token })
      .expect(200);
    expect(accepted.body).toMatchObject({ companyId, role: 'member', status: 'pending' });
    // The link proved the address.
    expect((await client.as(ben.accessToken).get('/api/auth/me')).body).toMatchObject({
      user: { emailVerified: true },
      companies: [{ companyId, role: 'member' }],
    });
    await client.as(ben.accessToken).post('/api/invitations/accept').send({ token }).expect(400);

    const { account: cleo } = await colleague(owner, companyId, 'owner');
    const team = await members(owner.accessToken, companyId).expect(200);
    expect(team.body.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [expect.any(String), 'owner'],
      [expect.any(String), 'owner'],
      [ben.user.id, 'member'],
    ]);
    expect(team.body.map((m: { userId: string }) => m.userId)).toContain(cleo.user.id);
    // A member edits the company and reads it (pending: its users only).
    await client
      .as(ben.accessToken)
      .patch(`/api/companies/${companyId}`)
      .send({ description: 'Edited by a member' })
      .expect(200);
    await client.as(ben.accessToken).get(`/api/companies/${companyId}`).expect(200);
    expect(
      (await client.as(owner.accessToken).get(`/api/companies/${companyId}/invitations`)).body,
    ).toEqual([]);
  });

  it('emails the invitation in the inviter’s language to a newcomer, in their own to an account', async () => {
    const owner = await client.signUp({ name: 'Ada Chan', language: 'zh-Hant' });
    const { id: companyId, name } = await client.company(owner.accessToken);
    const newcomer = `${unique('new')}@example.org`;
    await invite(owner.accessToken, companyId, newcomer).expect(201);
    const chinese = await mail.mail(newcomer, 'invitation');
    expect(chinese.subject).toBe(`Ada Chan 邀請您加入 TradeMatch 上的 ${name}`);
    expect(chinese.text).toContain('以成員身分加入');
    expect(chinese.text).toContain(`是因為 Ada Chan 在 TradeMatch 輸入了 ${newcomer}`);
    expect(chinese.headers.has('list-unsubscribe')).toBe(false);

    const colleague = await client.signUp({ language: 'en' });
    await invite(owner.accessToken, companyId, colleague.user.email, 'owner').expect(201);
    const english = await mail.mail(colleague.user.email, 'invitation');
    expect(english.subject).toBe(`Ada Chan invites you to join ${name} on TradeMatch`);
    expect(english.text).toContain('as an owner (you may manage the team)');
    expect(english.text).toContain(`Hello ${colleague.user.name},`);
    const token = await mail.token(colleague.user.email, 'invitation');
    await client
      .as(colleague.accessToken)
      .post('/api/invitations/accept')
      .send({ token })
      .expect(200);
  });

  it('replaces an invitation sent again: the older link no longer works', async () => {
    const { owner, companyId } = await firm();
    const email = `${unique('again')}@example.org`;
    await invite(owner.accessToken, companyId, email).expect(201);
    const first = await mail.token(email, 'invitation');
    await invite(owner.accessToken, companyId, email, 'owner').expect(201);
    const second = await mail.token(email, 'invitation', 2);
    const account = await client.signUp({ email });
    const accept = (token: string) =>
      client.as(account.accessToken).post('/api/invitations/accept').send({ token });
    expect(Object.keys((await accept(first).expect(400)).body.fields)).toEqual(['token']);
    expect((await accept(second).expect(200)).body.role).toBe('owner');
  });

  it('withdraws an invitation: owners only, and the emailed link stops working', async () => {
    const { owner, companyId } = await firm();
    const other = await firm();
    const email = `${unique('withdrawn')}@example.org`;
    const invited = await invite(owner.accessToken, companyId, email).expect(201);
    const invitationId = invited.body.id as string;
    const token = await mail.token(email, 'invitation');
    const withdraw = (as: string, company: string, id: string) =>
      client.as(as).delete(`/api/companies/${company}/invitations/${id}`);

    // Not the owner of this company: 403; an invitation of another company or unknown: 404.
    await withdraw(other.owner.accessToken, companyId, invitationId).expect(403);
    await withdraw(organiser.accessToken, companyId, invitationId).expect(403);
    const elsewhere = await withdraw(other.owner.accessToken, other.companyId, invitationId).expect(
      404,
    );
    expect(elsewhere.body.code).toBe('invitation.not_found');
    await withdraw(owner.accessToken, companyId, '00000000-0000-4000-8000-000000000000').expect(
      404,
    );
    const malformed = await withdraw(owner.accessToken, companyId, 'not-an-id').expect(400);
    expect(Object.keys(malformed.body.fields)).toEqual(['invitationId']);
    await client.http.delete(`/api/companies/${companyId}/invitations/${invitationId}`).expect(401);

    await withdraw(owner.accessToken, companyId, invitationId).expect(204);
    expect(
      (await client.as(owner.accessToken).get(`/api/companies/${companyId}/invitations`)).body,
    ).toEqual([]);
    await withdraw(owner.accessToken, companyId, invitationId).expect(404);
    const account = await client.signUp({ email });
    const refused = await client
      .as(account.accessToken)
      .post('/api/invitations/accept')
      .send({ token })
      .expect(400);
    expect(Object.keys(refused.body.fields)).toEqual(['token']);
    expect((await client.as(account.accessToken).get('/api/auth/me')).body.companies).toEqual([]);
  });

  it('lets owners alone invite and manage the team', async () => {
    const { owner, companyId } = await firm();
    const { account: member } = await colleague(owner, companyId);
    const other = await firm();
    const email = `${unique('x')}@example.org`;
    for (const token of [member.accessToken, other.owner.accessToken, organiser.accessToken]) {
      const refused = await invite(token, companyId, email).expect(403);
      expect(refused.body.code).toBe('company.owner_required');
      await setRole(token, companyId, owner.user.id, 'member').expect(403);
      await remove(token, companyId, owner.user.id).expect(403);
      await client.as(token).get(`/api/companies/${companyId}/invitations`).expect(403);
    }
    await client.http
      .post(`/api/companies/${companyId}/invitations`)
      .send({ email, role: 'member' })
      .expect(401);
    // Another company's owner cannot touch this team's members through their own company either.
    await remove(other.owner.accessToken, other.companyId, member.user.id).expect(404);
    expect(mail.to(email, 'invitation')).toEqual([]);
  });

  it('names bad fields (400)', async () => {
    const { owner, companyId } = await firm();
    const bad = await client
      .as(owner.accessToken)
      .post(`/api/companies/${companyId}/invitations`)
      .send({ email: 'nope', role: 'admin' })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['email', 'role']);
    const nullRole = await setRole(owner.accessToken, companyId, owner.user.id, null as never);
    expect(nullRole.status).toBe(400);
    expect(Object.keys(nullRole.body.fields)).toEqual(['role']);
    const notUuid = await remove(owner.accessToken, companyId, 'x').expect(400);
    expect(Object.keys(notUuid.body.fields)).toEqual(['userId']);
  });

  it('refuses inviting someone already in the team (409)', async () => {
    const { owner, companyId } = await firm();
    const conflict = await invite(owner.accessToken, companyId, owner.user.email).expect(409);
    expect(conflict.body.code).toBe('invitation.already_member');
  });

  it('keeps one owner always; ownership is transferred by making another member owner', async () => {
    const { owner, companyId } = await firm();
    const stepDown = await setRole(owner.accessToken, companyId, owner.user.id, 'member').expect(
      409,
    );
    expect(stepDown.body.code).toBe('company.last_owner');
    expect((await remove(owner.accessToken, companyId, owner.user.id).expect(409)).body.code).toBe(
      'company.last_owner',
    );
    const { account: heir } = await colleague(owner, companyId);
    const promoted = await setRole(owner.accessToken, companyId, heir.user.id, 'owner').expect(200);
    expect(promoted.body).toMatchObject({ userId: heir.user.id, role: 'owner' });
    await setRole(owner.accessToken, companyId, owner.user.id, 'member').expect(200);
    // Now a member: the former owner manages nothing, and may leave.
    await setRole(owner.accessToken, companyId, heir.user.id, 'member').expect(403);
    await remove(owner.accessToken, companyId, owner.user.id).expect(204);
    await client.as(owner.accessToken).get(`/api/companies/${companyId}`).expect(403);
    await setRole(heir.accessToken, companyId, heir.user.id, 'member').expect(409);
  });

  it('never leaves a company without an owner when two owners step down at once', async () => {
    const { owner, companyId } = await firm();
    const { account: second } = await colleague(owner, companyId, 'owner');
    const answers = await Promise.all([
      setRole(owner.accessToken, companyId, owner.user.id, 'member'),
      remove(second.accessToken, companyId, second.user.id),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409].sort());
    const team = await members(organiser.accessToken, companyId).expect(200);
    expect(team.body.filter((m: { role: string }) => m.role === 'owner')).toHaveLength(1);
  });

  it('takes access away from a removed member at once', async () => {
    const { owner, companyId } = await firm();
    const { account: member } = await colleague(owner, companyId);
    await client.as(member.accessToken).get(`/api/companies/${companyId}/members`).expect(200);
    await remove(owner.accessToken, companyId, member.user.id).expect(204);
    await client.as(member.accessToken).get(`/api/companies/${companyId}/members`).expect(403);
    await client
      .as(member.accessToken)
      .patch(`/api/companies/${companyId}`)
      .send({ description: 'Too late' })
      .expect(403);
    expect((await client.as(member.accessToken).get('/api/auth/me')).body.companies).toEqual([]);
    await remove(owner.accessToken, companyId, member.user.id).expect(404);
  });

  it('takes a removed member out of the company room of their open live connections', async () => {
    const url = await baseUrl();
    const live = new LiveClients();
    try {
      const { owner, companyId } = await firm();
      const { account: member } = await colleague(owner, companyId);
      const socket = await live.connected(url, member.accessToken);
      const updates = collect(socket, 'company.updated');
      const edit = (description: string) =>
        client
          .as(owner.accessToken)
          .patch(`/api/companies/${companyId}`)
          .send({ description })
          .expect(200);
      await edit('Seen by the member');
      await until(() => updates.length === 1);
      await remove(owner.accessToken, companyId, member.user.id).expect(204);
      await edit('Not for former members');
      await settle(500);
      expect(updates).toHaveLength(1);
    } finally {
      live.closeAll();
    }
  });

  it('takes a removed or leaving member out of the rooms of the company’s sessions at once', async () => {
    const url = await baseUrl();
    const live = new LiveClients();
    try {
      const owner = await client.signUp();
      const { id: companyId } = await client.verifiedCompany(
        owner.accessToken,
        organiser.accessToken,
      );
      const sessionId = await client.videoSession(
        organiser.accessToken,
        Date.UTC(2033, 2, 1, 9),
        60,
      );
      await client.join(owner.accessToken, sessionId, companyId);
      const { account: removed } = await colleague(owner, companyId);
      const { account: leaving } = await colleague(owner, companyId);
      const [host, ownerSocket, removedSocket, leavingSocket] = await Promise.all(
        [organiser, owner, removed, leaving].map((account) =>
          live.connected(url, account.accessToken),
        ),
      );
      for (const socket of [host, ownerSocket, removedSocket, leavingSocket]) {
        expect(await request(socket, 'session:join', { sessionId })).toMatchObject({ ok: true });
      }
      const heard = [ownerSocket, removedSocket, leavingSocket].map((socket) =>
        collect<{ text: string }>(socket, 'announcement'),
      );
      const announce = async (text: string) =>
        expect(await request(host, 'announce', { sessionId, text })).toMatchObject({ ok: true });
      await announce('Before');
      await until(() => heard.every((list) => list.length === 1));

      await remove(owner.accessToken, companyId, removed.user.id).expect(204);
      await remove(leaving.accessToken, companyId, leaving.user.id).expect(204);
      await announce('After');
      await until(() => heard[0].length === 2);
      await settle(500);
      expect(heard.map((list) => list.map((a) => a.text))).toEqual([
        ['Before', 'After'],
        ['Before'],
        ['Before'],
      ]);
      // And they cannot come back in: the join check reads the membership.
      const refused = await request<{ ok: boolean; error: { code: string } }>(
        removedSocket,
        'session:join',
        { sessionId },
      );
      expect(refused).toMatchObject({ ok: false, error: { code: 'live.not_in_session' } });
    } finally {
      live.closeAll();
    }
  });

  it('lets a member leave, but not remove another', async () => {
    const { owner, companyId } = await firm();
    const { account: a } = await colleague(owner, companyId);
    const { account: b } = await colleague(owner, companyId);
    await remove(a.accessToken, companyId, b.user.id).expect(403);
    await remove(a.accessToken, companyId, a.user.id).expect(204);
  });

  it('refuses an invitation to organisers (firm accounts only) and an expired or unknown link', async () => {
    const { owner, companyId } = await firm();
    const email = `${unique('org')}@example.org`;
    await invite(owner.accessToken, companyId, email).expect(201);
    const token = await mail.token(email, 'invitation');
    const refused = await client
      .as(organiser.accessToken)
      .post('/api/invitations/accept')
      .send({ token })
      .expect(403);
    expect(refused.body.code).toBe('invitation.members_only');
    const unknown = await client
      .as(owner.accessToken)
      .post('/api/invitations/accept')
      .send({ token: 'made-up' })
      .expect(400);
    expect(Object.keys(unknown.body.fields)).toEqual(['token']);
    await client.http.post('/api/invitations/accept').send({ token }).expect(401);
  });
});
