import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { OpportunitiesDigest } from '../src/opportunities/opportunities-digest.service';
import type {
  WireOpportunity,
  WireOpportunityInterest,
  WireOpportunityPage,
} from '../src/opportunities/opportunity.wire';
import { eventually, startWorker } from './support/app';
import { unique, useApi, type Account } from './support/client';
import { collect, LiveClients, listen } from './support/live';
import { TestSmtp } from './support/smtp';

const APP_URL = 'http://trade-match.test:8080';
const DAY_MS = 24 * 3600_000;

/** A word no other post of this run has: `?q=` finds this test's posts only. */
const word = (label: string) =>
  `${label}${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')}`;

/**
 * The opportunities board (SPEC "Firms", issue 16 point 5): firms' offers and requests for a
 * verified company, organisers' projects and market information; search, filters and paging;
 * ranking for a company by the scoring of matches (with a match's reasons); expiry after the
 * deadline; interest (a message in the two firms' conversation, or a registration exported as
 * CSV); and the weekly digest, read back from a real SMTP server.
 */
describe('the opportunities board', () => {
  const smtp = new TestSmtp();
  const client = useApi({ APP_URL });
  const live = new LiveClients();
  let organiser: Account;
  let hk: Account;
  let ca: Account;
  let far: Account;
  let newcomer: Account;
  /** A Hong Kong maker of payment terminals that seeks distribution in North America. */
  let h: string;
  /** A Canadian distributor that seeks payment terminals and targets Hong Kong. */
  let c: string;
  /** A German games studio: nothing in common with the Hong Kong firm. */
  let f: string;
  /** The newcomer's company, not verified yet. */
  let pending: string;

  const as = (account: Account) => client.as(account.accessToken);

  const offerBody = (companyId: string, overrides: Record<string, unknown> = {}) => ({
    kind: 'offer',
    title: unique('Distribution of payment terminals across Canada'),
    description: 'Retail chains in Ontario and Quebec, with after-sales service.',
    sectors: ['smart-cards-payments'],
    countries: ['HK'],
    partnerTypes: ['distributor'],
    companyId,
    ...overrides,
  });

  const projectBody = (overrides: Record<string, unknown> = {}) => ({
    kind: 'project',
    title: unique('Digital identity for Finnish municipalities'),
    description: 'A partner-government ICT tender; firms of Hong Kong and Canada may take part.',
    sectors: ['e-government', 'information-security'],
    countries: ['HK', 'CA'],
    partnerCountry: 'FI',
    link: 'https://example.fi/tenders/42',
    deadline: new Date(Date.now() + 30 * DAY_MS).toISOString(),
    ...overrides,
  });

  const post = async (account: Account, body: Record<string, unknown>) =>
    (await as(account).post('/api/opportunities').send(body).expect(201)).body as WireOpportunity;

  const list = async (account: Account, query: string) =>
    (await as(account).get(`/api/opportunities?${query}`).expect(200)).body as WireOpportunityPage;

  beforeAll(async () => {
    [organiser, hk, ca, far, newcomer] = await Promise.all([
      client.organiser(),
      client.signUp({ email: `${unique('hk')}@example.org`, name: 'Ada Chan' }),
      client.signUp({ email: `${unique('ca')}@example.org`, name: 'Marie Tremblay' }),
      client.signUp({ email: `${unique('de')}@example.org`, name: 'Jonas Weber' }),
      client.signUp(),
    ]);
    const org = organiser.accessToken;
    h = (await client.verifiedCompany(hk.accessToken, org, { name: unique('Harbour Pay') })).id;
    c = (
      await client.verifiedCompany(ca.accessToken, org, {
        name: unique('Maple Channel'),
        country: 'CA',
        city: 'Toronto',
        timezone: 'America/Toronto',
        offers: ['distribution in north america'],
        seeks: ['nfc payment terminals'],
        targetMarkets: ['HK'],
        languages: ['en', 'fr'],
      })
    ).id;
    f = (
      await client.verifiedCompany(far.accessToken, org, {
        name: unique('Rhein Games'),
        country: 'DE',
        city: 'Cologne',
        timezone: 'Europe/Berlin',
        sectors: ['digital-entertainment'],
        offers: ['game localisation'],
        seeks: ['mobile game publishers'],
        partnerTypes: ['investment'],
        targetMarkets: ['US'],
        languages: ['de'],
      })
    ).id;
    pending = (await client.company(newcomer.accessToken)).id;
  });
  afterEach(() => live.closeAll());

  describe('posting', () => {
    it("posts a firm's offer for its company and an organiser's project, and reads them", async () => {
      const offer = await post(ca, offerBody(c, { title: '  Distribution across Canada  ' }));
      expect(offer).toMatchObject({
        kind: 'offer',
        title: 'Distribution across Canada',
        sectors: ['smart-cards-payments'],
        countries: ['HK'],
        partnerTypes: ['distributor'],
        deadline: null,
        link: null,
        partnerCountry: null,
        company: { id: c, country: 'CA' },
        postedBy: { id: ca.user.id, name: 'Marie Tremblay' },
        open: true,
        canEdit: true,
        interestCount: 0,
        interested: false,
        score: null,
        reasons: [],
      });
      const body = projectBody({ partnerCountry: 'fi', countries: ['hk', 'ca'] });
      const project = await post(organiser, body);
      expect(project).toMatchObject({
        kind: 'project',
        company: null,
        partnerCountry: 'FI',
        countries: ['HK', 'CA'],
        link: 'https://example.fi/tenders/42',
        deadline: new Date(body.deadline).toISOString(),
      });
      const read = await as(hk).get(`/api/opportunities/${project.id}`).expect(200);
      expect(read.body).toMatchObject({ id: project.id, canEdit: false, interestCount: null });
      const market = await post(
        organiser,
        projectBody({ kind: 'market-info', deadline: null, link: null }),
      );
      expect(market).toMatchObject({ kind: 'market-info', deadline: null, open: true });
    });

    it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
      const count = async () =>
        (
          await client.app
            .get(DataSource)
            .query<{ n: number }[]>('SELECT count(*)::int AS n FROM opportunities')
        )[0].n;
      const before = await count();
      const cases: [Record<string, unknown>, string][] = [
        [offerBody(c, { kind: 'advert' }), 'kind'],
        [offerBody(c, { title: '   ' }), 'title'],
        [offerBody(c, { title: 'x'.repeat(201) }), 'title'],
        [offerBody(c, { description: 'x'.repeat(5001) }), 'description'],
        [offerBody(c, { sectors: [] }), 'sectors'],
        [offerBody(c, { sectors: ['gardening'] }), 'sectors'],
        [offerBody(c, { sectors: ['fintech', 'fintech'] }), 'sectors'],
        [
          offerBody(c, {
            sectors: [
              'fintech',
              'software',
              'hardware',
              'multimedia',
              'e-commerce',
              'e-government',
              'it-services',
            ],
          }),
          'sectors',
        ],
        [offerBody(c, { countries: ['XX'] }), 'countries'],
        [offerBody(c, { countries: 'HK' }), 'countries'],
        [offerBody(c, { partnerTypes: ['friend'] }), 'partnerTypes'],
        [offerBody(c, { link: 'ftp://example.org/file' }), 'link'],
        [offerBody(c, { link: 'javascript:alert(1)' }), 'link'],
        [offerBody(c, { deadline: '2020-01-01T00:00:00Z' }), 'deadline'],
        [offerBody(c, { deadline: 'next week' }), 'deadline'],
        [offerBody(c, { companyId: 'not-a-uuid' }), 'companyId'],
        [offerBody(c, { companyId: undefined }), 'companyId'],
        [offerBody(c, { partnerCountry: 'FI' }), 'partnerCountry'],
        [offerBody(c, { surprise: true }), 'surprise'],
      ];
      for (const [body, field] of cases) {
        const response = await as(ca).post('/api/opportunities').send(body);
        expect({ field, status: response.status }).toEqual({ field, status: 400 });
        expect(Object.keys(response.body.fields)).toContain(field);
        expect(response.body.rules[field].length).toBeGreaterThan(0);
      }
      const past = await as(ca)
        .post('/api/opportunities')
        .send(offerBody(c, { deadline: new Date(Date.now() - 60_000).toISOString() }))
        .expect(400);
      expect(past.body.rules.deadline).toEqual([{ rule: 'future' }]);
      const project = await as(organiser)
        .post('/api/opportunities')
        .send(projectBody({ companyId: c }))
        .expect(400);
      expect(project.body.rules).toEqual({ companyId: [{ rule: 'notAllowed' }] });
      for (const query of ['pageSize=101', 'page=0', 'kind=advert', 'sector=x', 'country=XYZ']) {
        const response = await as(hk).get(`/api/opportunities?${query}`).expect(400);
        expect(Object.keys(response.body.fields)).toEqual([query.split('=')[0]]);
      }
      await as(hk)
        .get(`/api/opportunities?q=${'x'.repeat(201)}`)
        .expect(400);
      expect(await count()).toBe(before);
    });

    it('lets only a verified company’s users post offers and requests, and only organisers post projects', async () => {
      const asMember = await as(hk).post('/api/opportunities').send(projectBody()).expect(403);
      expect(asMember.body.code).toBe('auth.role_required');
      const market = await as(hk)
        .post('/api/opportunities')
        .send(projectBody({ kind: 'market-info' }))
        .expect(403);
      expect(market.body.code).toBe('auth.role_required');
      const forAnother = await as(hk).post('/api/opportunities').send(offerBody(c)).expect(403);
      expect(forAnother.body.code).toBe('company.not_yours');
      const unverified = await as(newcomer)
        .post('/api/opportunities')
        .send(offerBody(pending, { kind: 'request' }))
        .expect(409);
      expect(unverified.body.code).toBe('company.not_verified');
      const unknown = await as(hk)
        .post('/api/opportunities')
        .send(offerBody(randomUUID()))
        .expect(404);
      expect(unknown.body.code).toBe('company.not_found');
      // An organiser may post for a firm, as organisers act for firms elsewhere.
      const forFirm = await post(organiser, offerBody(c, { kind: 'request' }));
      expect(forFirm.company?.id).toBe(c);
    });
  });

  describe('the list', () => {
    it('searches titles and descriptions, filters by kind, sector and country, and pages', async () => {
      const tag = word('harbourlink');
      const offer = await post(ca, offerBody(c, { title: `${tag} distribution` }));
      const request = await post(
        hk,
        offerBody(h, {
          kind: 'request',
          title: 'Looking for resellers',
          description: `Our ${tag} terminals need resellers in Canada.`,
          countries: ['CA'],
          sectors: ['fintech'],
        }),
      );
      const project = await post(organiser, projectBody({ description: `The ${tag} tender.` }));
      const all = await list(hk, `q=${tag.slice(0, -2)}&pageSize=2`);
      expect(all.total).toBe(3);
      expect(all.items).toHaveLength(2);
      const second = await list(hk, `q=${tag}&pageSize=2&page=2`);
      expect(second.items).toHaveLength(1);
      expect(new Set([...all.items, ...second.items].map((item) => item.id))).toEqual(
        new Set([offer.id, request.id, project.id]),
      );
      const past = await list(hk, `q=${tag}&pageSize=2&page=5`);
      expect(past).toMatchObject({ items: [], total: 3, page: 5, pageSize: 2 });

      const ids = async (query: string) =>
        (await list(hk, `q=${tag}&${query}`)).items.map((item) => item.id).sort();
      expect(await ids('kind=request')).toEqual([request.id]);
      expect(await ids('sector=fintech')).toEqual([request.id]);
      expect(await ids('sector=e-government')).toEqual([project.id]);
      // A country: among the post's countries, its partner economy or the poster's country.
      expect(await ids('country=fi')).toEqual([project.id]);
      expect(await ids('country=CA')).toEqual([offer.id, request.id, project.id].sort());
      expect(await ids('kind=offer&country=DE')).toEqual([]);
      // Words that are no words find nothing.
      expect((await list(hk, 'q=%26%7C!')).total).toBe(0);
    });

    it('ranks the posts for a company: what fits it first, with the reasons of a match', async () => {
      const tag = word('rankingboard');
      const unfitting = await post(
        far,
        offerBody(f, {
          title: `${tag} game localisation`,
          sectors: ['digital-entertainment'],
          countries: ['US'],
          partnerTypes: ['investment'],
        }),
      );
      const fitting = await post(ca, offerBody(c, { title: `${tag} distribution` }));
      const own = await post(
        hk,
        offerBody(h, { title: `${tag} our terminals`, countries: ['CA'] }),
      );
      const ranked = await list(hk, `companyId=${h}&q=${tag}`);
      expect(ranked.items.map((item) => item.id)).toEqual([fitting.id, unfitting.id, own.id]);
      const [best, worst, mine] = ranked.items;
      expect(best.score!).toBeGreaterThan(worst.score!);
      expect(best.score!).toBeGreaterThanOrEqual(80);
      expect(mine).toMatchObject({ score: null, reasons: [], canEdit: true });
      // The reasons of a match: code, params and English text, strongest first.
      expect(best.reasons[0]).toMatchObject({
        component: 'complementarity',
        code: 'complementarity.both',
        params: {
          offered: ['distribution in north america'],
          sought: ['nfc payment terminals'],
        },
      });
      expect(best.reasons[0].text).toMatch(/^Offers distribution in north america/);
      expect(best.reasons.map((reason) => reason.code)).toEqual(
        expect.arrayContaining(['sector.common', 'market.both', 'language.common']),
      );
      for (const reason of [...best.reasons, ...worst.reasons]) {
        expect(reason).toEqual({
          component: expect.any(String),
          value: expect.any(Number),
          weight: expect.any(Number),
          text: expect.any(String),
          code: expect.any(String),
          params: expect.any(Object),
        });
      }
      // Without a company the list is newest first, with no score.
      const plain = await list(hk, `q=${tag}`);
      expect(plain.items.map((item) => item.id)).toEqual([own.id, fitting.id, unfitting.id]);
      expect(plain.items.every((item) => item.score === null && item.reasons.length === 0)).toBe(
        true,
      );
      // One post, ranked too.
      const one = await as(hk).get(`/api/opportunities/${fitting.id}?companyId=${h}`).expect(200);
      expect(one.body.score).toBe(best.score);
      // An organiser's project is scored on its sectors, partner types and markets only.
      const project = await post(
        organiser,
        projectBody({
          title: `${tag} payments project`,
          sectors: ['smart-cards-payments'],
          partnerTypes: ['distributor'],
          partnerCountry: 'CA',
        }),
      );
      const withProject = await list(hk, `companyId=${h}&q=${tag}&kind=project`);
      expect(withProject.items.map((item) => item.id)).toEqual([project.id]);
      expect(withProject.items[0].reasons.map((reason) => reason.component).sort()).toEqual([
        'market',
        'partnerType',
        'sector',
      ]);
      // Ranking for a company one does not speak for: 403; an unknown one: 404.
      await as(far).get(`/api/opportunities?companyId=${h}`).expect(403);
      await as(hk).get(`/api/opportunities?companyId=${randomUUID()}`).expect(404);
      await as(organiser).get(`/api/opportunities?companyId=${h}&q=${tag}`).expect(200);
    });

    it('takes a post off the board once its deadline has passed; its poster and organisers still open it', async () => {
      const tag = word('expiring');
      const project = await post(organiser, projectBody({ title: `${tag} tender` }));
      const offer = await post(
        ca,
        offerBody(c, {
          title: `${tag} offer`,
          deadline: new Date(Date.now() + DAY_MS).toISOString(),
        }),
      );
      expect((await list(hk, `q=${tag}`)).total).toBe(2);
      await client.app
        .get(DataSource)
        .query(
          `UPDATE opportunities SET deadline = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`,
          [[project.id, offer.id]],
        );
      expect((await list(hk, `q=${tag}`)).total).toBe(0);
      expect((await list(organiser, `q=${tag}`)).total).toBe(0);
      const gone = await as(hk).get(`/api/opportunities/${project.id}`).expect(404);
      expect(gone.body.code).toBe('opportunity.not_found');
      await as(hk).get(`/api/opportunities/${offer.id}`).expect(404);
      const forOrganiser = await as(organiser).get(`/api/opportunities/${project.id}`).expect(200);
      expect(forOrganiser.body).toMatchObject({ open: false, canEdit: true });
      const forPoster = await as(ca).get(`/api/opportunities/${offer.id}`).expect(200);
      expect(forPoster.body.open).toBe(false);
      // Too late for interest.
      const late = await as(hk)
        .post(`/api/opportunities/${offer.id}/interest`)
        .send({ companyId: h, message: 'Still open?' })
        .expect(404);
      expect(late.body.code).toBe('opportunity.not_found');
      // Its poster may set a new deadline (ahead) and so put it back on the board.
      await as(ca)
        .patch(`/api/opportunities/${offer.id}`)
        .send({ deadline: new Date(Date.now() + DAY_MS).toISOString() })
        .expect(200);
      expect((await list(hk, `q=${tag}`)).items.map((item) => item.id)).toEqual([offer.id]);
    });
  });

  describe('editing and deleting', () => {
    it("lets the posting company's users and organisers edit and delete, nobody else", async () => {
      const offer = await post(ca, offerBody(c));
      const change = { title: 'Distribution across all of Canada', link: 'https://maple.example' };
      const stranger = await as(hk)
        .patch(`/api/opportunities/${offer.id}`)
        .send(change)
        .expect(403);
      expect(stranger.body.code).toBe('company.not_yours');
      await as(hk).delete(`/api/opportunities/${offer.id}`).expect(403);
      const edited = await as(ca).patch(`/api/opportunities/${offer.id}`).send(change).expect(200);
      expect(edited.body).toMatchObject(change);
      const byOrganiser = await as(organiser)
        .patch(`/api/opportunities/${offer.id}`)
        .send({ description: '', partnerTypes: [], link: null, deadline: null })
        .expect(200);
      expect(byOrganiser.body).toMatchObject({
        title: change.title,
        description: '',
        partnerTypes: [],
        link: null,
        deadline: null,
      });
      const bad = await as(ca)
        .patch(`/api/opportunities/${offer.id}`)
        .send({ title: '', kind: 'project', companyId: h, partnerCountry: 'FI' })
        .expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['companyId', 'kind', 'title']);
      const partner = await as(ca)
        .patch(`/api/opportunities/${offer.id}`)
        .send({ partnerCountry: 'FI' })
        .expect(400);
      expect(Object.keys(partner.body.fields)).toEqual(['partnerCountry']);
      const past = await as(ca)
        .patch(`/api/opportunities/${offer.id}`)
        .send({ deadline: '2021-05-01T00:00:00Z' })
        .expect(400);
      expect(past.body.rules).toEqual({ deadline: [{ rule: 'future' }] });

      // Deleting takes the interest in it along (cascade).
      await as(hk)
        .post(`/api/opportunities/${offer.id}/interest`)
        .send({ companyId: h, message: 'Interested' })
        .expect(201);
      await as(ca).delete(`/api/opportunities/${offer.id}`).expect(204);
      await as(ca).get(`/api/opportunities/${offer.id}`).expect(404);
      const [left] = await client.app
        .get(DataSource)
        .query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM opportunity_interests WHERE opportunity_id = $1',
          [offer.id],
        );
      expect(left.n).toBe(0);
      const project = await post(organiser, projectBody());
      await as(ca).delete(`/api/opportunities/${project.id}`).expect(403);
      await as(organiser).delete(`/api/opportunities/${project.id}`).expect(204);
    });

    it('answers unknown ids with 404 and malformed ones with 400', async () => {
      const id = randomUUID();
      const calls = [
        as(hk).get(`/api/opportunities/${id}`),
        as(organiser).patch(`/api/opportunities/${id}`).send({ title: 'New' }),
        as(organiser).delete(`/api/opportunities/${id}`),
        as(hk).post(`/api/opportunities/${id}/interest`).send({ companyId: h, message: 'Hi' }),
        as(organiser).get(`/api/opportunities/${id}/interest`),
      ];
      for (const call of calls) {
        const response = await call;
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('opportunity.not_found');
      }
      const malformed = await as(hk).get('/api/opportunities/nope').expect(400);
      expect(malformed.body.fields).toEqual({ id: ['must be a UUID'] });
      const unknownCompany = await as(hk)
        .post(`/api/opportunities/${(await post(ca, offerBody(c))).id}/interest`)
        .send({ companyId: randomUUID(), message: 'Hi' })
        .expect(404);
      expect(unknownCompany.body.code).toBe('company.not_found');
    });
  });

  describe('interest', () => {
    it("in a firm's post is a message in the two firms' conversation, live to the poster", async () => {
      const offer = await post(ca, offerBody(c));
      const url = await listen(client.app);
      const poster = await live.connected(url, ca.accessToken);
      const created = collect<{ conversationId: string; message: { text: string } }>(
        poster,
        'message.created',
      );
      const response = await as(hk)
        .post(`/api/opportunities/${offer.id}/interest`)
        .send({ companyId: h, message: '  We make the terminals you seek; shall we talk?  ' })
        .expect(201);
      const interest = response.body as WireOpportunityInterest;
      expect(interest).toMatchObject({
        opportunityId: offer.id,
        company: { id: h, country: 'HK' },
        user: { id: hk.user.id, name: 'Ada Chan' },
        email: null,
        message: 'We make the terminals you seek; shall we talk?',
        conversationId: expect.any(String),
      });
      const conversations = await as(ca).get(`/api/conversations?companyId=${c}`).expect(200);
      const conversation = conversations.body.find(
        (item: { id: string }) => item.id === interest.conversationId,
      );
      expect(conversation).toMatchObject({
        otherCompany: { id: h },
        lastMessage: { text: 'We make the terminals you seek; shall we talk?', companyId: h },
      });
      expect(conversation.unread).toBeGreaterThan(0);
      await eventually(() =>
        Promise.resolve(
          created.find((event) => event.conversationId === interest.conversationId) ?? undefined,
        ),
      );

      const again = await as(hk)
        .post(`/api/opportunities/${offer.id}/interest`)
        .send({ companyId: h, message: 'Again' })
        .expect(409);
      expect(again.body.code).toBe('interest.duplicate');
      const own = await as(ca)
        .post(`/api/opportunities/${offer.id}/interest`)
        .send({ companyId: c, message: 'Mine' })
        .expect(409);
      expect(own.body.code).toBe('opportunity.own');
      const notYours = await as(far)
        .post(`/api/opportunities/${offer.id}/interest`)
        .send({ companyId: h, message: 'For them' })
        .expect(403);
      expect(notYours.body.code).toBe('company.not_yours');
      await as(organiser)
        .post(`/api/opportunities/${offer.id}/interest`)
        .send({ companyId: h, message: 'For them' })
        .expect(403);
      const unverified = await as(newcomer)
        .post(`/api/opportunities/${offer.id}/interest`)
        .send({ companyId: pending, message: 'Hello' })
        .expect(409);
      expect(unverified.body.code).toBe('company.not_verified');
      const empty = await as(far)
        .post(`/api/opportunities/${offer.id}/interest`)
        .send({ companyId: f, message: '  ' })
        .expect(400);
      expect(Object.keys(empty.body.fields)).toEqual(['message']);
      await as(far)
        .post(`/api/opportunities/${offer.id}/interest`)
        .send({ companyId: f, message: 'x'.repeat(2001) })
        .expect(400);

      // The poster sees who is interested; the viewer's own flag says it is done.
      const listed = await as(ca).get(`/api/opportunities/${offer.id}/interest`).expect(200);
      expect(listed.body).toEqual([interest]);
      const read = await as(hk).get(`/api/opportunities/${offer.id}?companyId=${h}`).expect(200);
      expect(read.body).toMatchObject({ interested: true, interestCount: null });
      const byPoster = await as(ca).get(`/api/opportunities/${offer.id}`).expect(200);
      expect(byPoster.body.interestCount).toBe(1);
      const forbidden = await as(hk).get(`/api/opportunities/${offer.id}/interest`).expect(403);
      expect(forbidden.body.code).toBe('company.not_yours');
    });

    it("in an organiser's post is a registration the organisers list and export as CSV", async () => {
      const project = await post(organiser, projectBody());
      await as(hk)
        .post(`/api/opportunities/${project.id}/interest`)
        .send({ companyId: h, message: '=HYPERLINK("http://evil.example","click")' })
        .expect(201);
      const second = await as(far)
        .post(`/api/opportunities/${project.id}/interest`)
        .send({ companyId: f, message: 'Wir möchten teilnehmen, 多謝' })
        .expect(201);
      expect(second.body.conversationId).toBeNull();
      const listed = await as(organiser)
        .get(`/api/opportunities/${project.id}/interest`)
        .expect(200);
      expect(
        listed.body.map((item: WireOpportunityInterest) => [item.company.id, item.email]),
      ).toEqual([
        [h, hk.user.email],
        [f, far.user.email],
      ]);
      const csv = await as(organiser)
        .get(`/api/opportunities/${project.id}/interest?format=csv`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toContain('attachment');
      const bytes = csv.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      const lines = text.trim().split('\n');
      expect(lines[0]).toBe('company,country,contact,email,message,expressedAt');
      expect(lines[1]).toContain(
        `,HK,Ada Chan,${hk.user.email},"'=HYPERLINK(""http://evil.example""`,
      );
      expect(lines[2]).toContain('Wir möchten teilnehmen, 多謝');
      // Firms see neither the registrations nor the export.
      await as(hk).get(`/api/opportunities/${project.id}/interest`).expect(403);
      await as(hk).get(`/api/opportunities/${project.id}/interest?format=csv`).expect(403);
      await as(organiser).get(`/api/opportunities/${project.id}/interest?format=xls`).expect(400);
    });
  });

  describe('the weekly digest', () => {
    let worker: INestApplicationContext;
    let colleague: Account;

    beforeAll(async () => {
      await smtp.start();
      colleague = await client.signUp({ email: `${unique('hk2')}@example.org`, name: 'Ben Lee' });
      await client.verifiedCompany(colleague.accessToken, organiser.accessToken, {
        name: unique('Kowloon Terminals'),
      });
      await as(colleague)
        .patch('/api/users/me/settings')
        .send({ notifications: { 'opportunity.digest': 'off' } })
        .expect(200);
      worker = await startWorker({ SMTP_URL: smtp.url, APP_URL, OUTBOX_SWEEP_MS: '300' });
    });
    afterAll(async () => {
      await worker?.close();
      await smtp.stop();
    });

    const digestMail = (address: string): ParsedMail | undefined =>
      smtp.to(address).find((mail) => /on the board for/.test(mail.subject ?? ''));

    it('emails each firm the new posts that fit it, not those that do not, nor its own', async () => {
      const fitting = await post(ca, offerBody(c, { title: unique('Fitting distribution') }));
      const unfitting = await post(
        far,
        offerBody(f, {
          title: unique('Unfitting games'),
          sectors: ['digital-entertainment'],
          countries: ['US'],
          partnerTypes: ['investment'],
        }),
      );
      const own = await post(hk, offerBody(h, { title: unique('Our own terminals') }));
      const digest = worker.get(OpportunitiesDigest);
      expect(await digest.run(new Date())).toBeGreaterThan(0);
      const mail = await eventually(() => Promise.resolve(digestMail(hk.user.email)), 20_000);
      const text = mail.text ?? '';
      expect(mail.subject).toMatch(/new opportunit(y|ies) on the board for Harbour Pay/);
      expect(text).toContain(`“${fitting.title}”: an offer from`);
      expect(text).not.toContain(unfitting.title);
      expect(text).not.toContain(own.title);
      expect(text).toContain(`${APP_URL}/opportunities`);
      // Unsubscribing in one click stops this kind of email, as any other.
      const unsubscribe = mail.headerLines.find((line) => line.key === 'list-unsubscribe');
      expect(unsubscribe?.line).toContain(`${APP_URL}/api/unsubscribe?key=`);
      // In the app too.
      const notifications = await as(hk).get('/api/notifications').expect(200);
      expect(
        notifications.body.items.some(
          (item: { kind: string }) => item.kind === 'opportunity.digest',
        ),
      ).toBe(true);

      // Once a week: a second run the same week writes nothing more.
      expect(await digest.run(new Date())).toBe(0);
      // Nothing new, nothing sent.
      expect(await digest.run(new Date(Date.now() + 30 * DAY_MS))).toBe(0);
    });

    it('respects a reader who turned it off', async () => {
      // The colleague's firm is just like the Hong Kong one: the fitting posts fit it too.
      const [row] = await client.app
        .get(DataSource)
        .query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'opportunity.digest'`,
          [colleague.user.id],
        );
      expect(row.n).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(digestMail(colleague.user.email)).toBeUndefined();
    });
  });
});
