import type { INestApplicationContext } from '@nestjs/common';
import type { CompanyView } from '../src/companies/company.view';
import { startWorker } from './support/app';
import { delegationInput, sessionInput, unique, useApi, type Account } from './support/client';

/**
 * A firm's profile page (issue 16): the directory's partner type and target market filters, what
 * a company takes part in (`GET /api/companies/:id/activities`), and a received request's fit.
 */
describe('company profiles', () => {
  const client = useApi();
  let worker: INestApplicationContext;
  let organiser: Account;
  let owner: Account;
  let viewer: Account;
  let outsider: Account;
  let hkFirm: CompanyView;
  let caFirm: CompanyView;
  let pendingFirm: CompanyView;
  let openSessionId: string;
  let draftSessionId: string;
  let acceptedDelegationId: string;
  let pendingDelegationId: string;
  const word = unique('Profilex')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

  beforeAll(async () => {
    worker = await startWorker();
    [organiser, owner, viewer, outsider] = await Promise.all([
      client.organiser(),
      client.signUp(),
      client.signUp(),
      client.signUp(),
    ]);
    const org = organiser.accessToken;
    hkFirm = await client.verifiedCompany(owner.accessToken, org, {
      description: `Payments ${word}`,
      partnerTypes: ['joint-venture'],
      targetMarkets: ['CA', 'JP'],
      offers: ['nfc payment terminals'],
      seeks: ['retail chains'],
    });
    caFirm = await client.verifiedCompany(viewer.accessToken, org, {
      country: 'CA',
      city: 'Toronto',
      timezone: 'America/Toronto',
      description: `Retail ${word}`,
      partnerTypes: ['distributor'],
      targetMarkets: ['HK'],
      offers: ['retail chains'],
      seeks: ['nfc payment terminals'],
    });
    pendingFirm = await client.company(outsider.accessToken, { description: `Pending ${word}` });

    const open = await client.as(org).post('/api/sessions').send(sessionInput()).expect(201);
    openSessionId = open.body.id as string;
    const draft = await client
      .as(org)
      .post('/api/sessions')
      .send(sessionInput({ status: 'draft', title: unique('Draft matching') }))
      .expect(201);
    draftSessionId = draft.body.id as string;
    await client.join(owner.accessToken, openSessionId, hkFirm.id);
    await client.join(viewer.accessToken, openSessionId, caFirm.id);
    await client.join(org, draftSessionId, hkFirm.id);

    const accepted = await client.as(org).post('/api/delegations').send(delegationInput());
    acceptedDelegationId = accepted.body.id as string;
    const pending = await client.as(org).post('/api/delegations').send(delegationInput());
    pendingDelegationId = pending.body.id as string;
    for (const id of [acceptedDelegationId, pendingDelegationId]) {
      await client
        .as(owner.accessToken)
        .post(`/api/delegations/${id}/applications`)
        .send({ companyId: hkFirm.id })
        .expect(201);
    }
    const applications = await client
      .as(org)
      .get(`/api/delegations/${acceptedDelegationId}`)
      .expect(200);
    const application = (
      applications.body.applications as { id: string; companyId: string }[]
    ).find((candidate) => candidate.companyId === hkFirm.id);
    await client
      .as(org)
      .patch(`/api/delegations/${acceptedDelegationId}/applications/${application?.id}`)
      .send({ status: 'accepted' })
      .expect(200);
  });
  afterAll(() => worker.close());

  describe('GET /api/companies (directory filters)', () => {
    const names = async (query: string): Promise<string[]> => {
      const response = await client
        .as(viewer.accessToken)
        .get(`/api/companies?q=${word}&${query}`)
        .expect(200);
      return (response.body.items as CompanyView[]).map((company) => company.name);
    };

    it('filters by partner type and by target market, members seeing verified firms only', async () => {
      expect(await names('partnerType=joint-venture')).toEqual([hkFirm.name]);
      expect(await names('partnerType=distributor')).toEqual([caFirm.name]);
      expect(await names('targetMarket=jp')).toEqual([hkFirm.name]);
      expect(await names('targetMarket=HK')).toEqual([caFirm.name]);
      expect((await names('')).sort()).toEqual([hkFirm.name, caFirm.name].sort());
      expect(await names('targetMarket=FR')).toEqual([]);
      expect(pendingFirm.status).toBe('pending');
    });

    it('refuses a bad partner type or market with 400 naming the field', async () => {
      const bad = await client
        .as(viewer.accessToken)
        .get('/api/companies?partnerType=friend&targetMarket=XX')
        .expect(400);
      expect(JSON.stringify(bad.body)).toContain('partnerType');
      expect(JSON.stringify(bad.body)).toContain('targetMarket');
    });
  });

  describe('GET /api/companies/:id/activities', () => {
    it('shows another member open sessions and accepted delegations, never a draft', async () => {
      const response = await client
        .as(viewer.accessToken)
        .get(`/api/companies/${hkFirm.id}/activities`)
        .expect(200);
      expect(response.body.sessions.map((session: { id: string }) => session.id)).toEqual([
        openSessionId,
      ]);
      expect(response.body.sessions[0]).toMatchObject({
        mode: 'video',
        status: 'open',
        timezone: 'Asia/Hong_Kong',
        startsAt: expect.stringMatching(/Z$/),
      });
      expect(response.body.delegations).toEqual([
        expect.objectContaining({ id: acceptedDelegationId, status: 'accepted' }),
      ]);
    });

    it('shows the owner its pending applications too, and organisers drafts as well', async () => {
      const expected = [
        [owner.accessToken, [openSessionId]],
        [organiser.accessToken, [openSessionId, draftSessionId]],
      ] as const;
      for (const [token, sessions] of expected) {
        const response = await client
          .as(token)
          .get(`/api/companies/${hkFirm.id}/activities`)
          .expect(200);
        const sessionIds = response.body.sessions.map((session: { id: string }) => session.id);
        expect(sessionIds.sort()).toEqual([...sessions].sort());
        const delegationIds = response.body.delegations.map((d: { id: string }) => d.id);
        expect(delegationIds.sort()).toEqual([acceptedDelegationId, pendingDelegationId].sort());
      }
    });

    it("refuses another firm's pending company (403), an unknown id (404) and a bad id (400)", async () => {
      const refused = await client
        .as(viewer.accessToken)
        .get(`/api/companies/${pendingFirm.id}/activities`)
        .expect(403);
      expect(refused.body.error).toBeDefined();
      await client
        .as(viewer.accessToken)
        .get('/api/companies/00000000-0000-4000-8000-000000000000/activities')
        .expect(404);
      const bad = await client
        .as(viewer.accessToken)
        .get('/api/companies/not-a-uuid/activities')
        .expect(400);
      expect(JSON.stringify(bad.body)).toContain('id');
      await client.http.get(`/api/companies/${hkFirm.id}/activities`).expect(401);
    });
  });

  describe('GET /api/sessions/:id/requests (the fit of a received request)', () => {
    it("gives the receiver the sender's score and reasons, the sender none", async () => {
      await client
        .as(owner.accessToken)
        .post(`/api/sessions/${openSessionId}/requests`)
        .send({ fromCompanyId: hkFirm.id, toCompanyId: caFirm.id, message: 'Shall we meet?' })
        .expect(201);
      const received = await client
        .as(viewer.accessToken)
        .get(`/api/sessions/${openSessionId}/requests?companyId=${caFirm.id}`)
        .expect(200);
      const [request] = received.body.received;
      expect(request.fromCompanyId).toBe(hkFirm.id);
      expect(request.fit.score).toBeGreaterThan(0);
      expect(request.fit.reasons).toContainEqual(
        expect.objectContaining({ component: 'complementarity', code: expect.any(String) }),
      );
      const sent = await client
        .as(owner.accessToken)
        .get(`/api/sessions/${openSessionId}/requests?companyId=${hkFirm.id}`)
        .expect(200);
      expect(sent.body.sent[0]).not.toHaveProperty('fit');
      await client
        .as(outsider.accessToken)
        .get(`/api/sessions/${openSessionId}/requests?companyId=${caFirm.id}`)
        .expect(403);
    });
  });
});
