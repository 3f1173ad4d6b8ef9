import { DataSource } from 'typeorm';
import ICAL from 'ical.js';
import { useApi, type Account, delegationInput } from './support/client';

describe('delegations', () => {
  const client = useApi();
  let organiser: Account;
  let member: Account;

  beforeAll(async () => {
    [organiser, member] = await Promise.all([client.organiser(), client.signUp()]);
  });

  async function createDelegation(
    overrides: Record<string, unknown> = {},
  ): Promise<{ id: string; [key: string]: unknown }> {
    const response = await client
      .as(organiser.accessToken)
      .post('/api/delegations')
      .send(delegationInput(overrides))
      .expect(201);
    return response.body;
  }

  describe('POST/GET/PATCH /api/delegations', () => {
    it('lets an organiser create one, and anyone signed in read it', async () => {
      const delegation = await createDelegation({ capacity: 12, originCountry: 'hk' });
      expect(delegation).toMatchObject({
        direction: 'outbound',
        originCountry: 'HK',
        startsOn: '2030-06-10',
        endsOn: '2030-06-14',
        capacity: 12,
        acceptedCount: 0,
        waitlistedCount: 0,
        seatsLeft: 12,
      });
      const read = await client
        .as(member.accessToken)
        .get(`/api/delegations/${delegation.id}`)
        .expect(200);
      expect(read.body).toMatchObject({ id: delegation.id, itinerary: [], applications: [] });
      await client.http.get(`/api/delegations/${delegation.id}`).expect(401);
    });

    it('refuses members (403) and anonymous callers (401), storing nothing', async () => {
      const input = delegationInput();
      await client.as(member.accessToken).post('/api/delegations').send(input).expect(403);
      await client.http.post('/api/delegations').send(input).expect(401);
      const db = client.app.get(DataSource);
      const [{ n }] = await db.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM delegations WHERE title = $1',
        [input.title],
      );
      expect(n).toBe(0);
    });

    it('names every bad field (400)', async () => {
      const response = await client
        .as(organiser.accessToken)
        .post('/api/delegations')
        .send(
          delegationInput({
            direction: 'sideways',
            destinationCountry: 'Finland',
            startsOn: '2030-02-30',
            timezone: 'Europe/Atlantis',
            capacity: 0,
            chair: 'Someone',
          }),
        )
        .expect(400);
      expect(Object.keys(response.body.fields).sort()).toEqual(
        ['capacity', 'chair', 'destinationCountry', 'direction', 'startsOn', 'timezone'].sort(),
      );
    });

    it('refuses an end before the start (400 on endsOn)', async () => {
      const response = await client
        .as(organiser.accessToken)
        .post('/api/delegations')
        .send(delegationInput({ startsOn: '2030-06-10', endsOn: '2030-06-09' }))
        .expect(400);
      expect(response.body.fields).toEqual({ endsOn: ['must be on or after startsOn'] });
    });

    it('lists with filters by direction, country and upcoming or past', async () => {
      const country = 'IS';
      const upcoming = await createDelegation({
        destinationCountry: country,
        city: 'Reykjavik',
        timezone: 'Atlantic/Reykjavik',
        startsOn: '2031-01-10',
        endsOn: '2031-01-12',
      });
      const past = await createDelegation({
        destinationCountry: country,
        city: 'Reykjavik',
        timezone: 'Atlantic/Reykjavik',
        startsOn: '2020-01-10',
        endsOn: '2020-01-12',
      });
      const inbound = await createDelegation({
        direction: 'inbound',
        originCountry: country,
        destinationCountry: 'HK',
        city: 'Hong Kong',
        timezone: 'Asia/Hong_Kong',
        startsOn: '2031-03-01',
        endsOn: '2031-03-02',
      });
      const ids = async (query: string): Promise<string[]> =>
        (
          await client.as(member.accessToken).get(`/api/delegations?${query}`).expect(200)
        ).body.items.map((d: { id: string }) => d.id);
      expect(await ids(`country=${country}&pageSize=100`)).toEqual([
        past.id,
        upcoming.id,
        inbound.id,
      ]);
      expect(await ids(`country=${country}&when=upcoming`)).toEqual([upcoming.id, inbound.id]);
      expect(await ids(`country=${country}&when=past`)).toEqual([past.id]);
      expect(await ids(`country=${country}&direction=inbound`)).toEqual([inbound.id]);
      const bad = await client
        .as(member.accessToken)
        .get('/api/delegations?when=soon&direction=up&country=XX')
        .expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['country', 'direction', 'when']);
    });

    it('lets organisers edit, refusing members and bad dates', async () => {
      const delegation = await createDelegation();
      const edited = await client
        .as(organiser.accessToken)
        .patch(`/api/delegations/${delegation.id}`)
        .send({ leader: 'Daniel Tremblay', capacity: 8 })
        .expect(200);
      expect(edited.body).toMatchObject({ leader: 'Daniel Tremblay', capacity: 8 });
      await client
        .as(member.accessToken)
        .patch(`/api/delegations/${delegation.id}`)
        .send({ leader: 'Me' })
        .expect(403);
      const bad = await client
        .as(organiser.accessToken)
        .patch(`/api/delegations/${delegation.id}`)
        .send({ endsOn: '2030-06-01' })
        .expect(400);
      expect(bad.body.fields).toEqual({ endsOn: ['must be on or after startsOn'] });
      await client
        .as(organiser.accessToken)
        .patch('/api/delegations/6a1f2a0e-0000-4000-8000-000000000000')
        .send({ leader: 'X' })
        .expect(404);
      await client
        .as(organiser.accessToken)
        .patch('/api/delegations/nope')
        .send({ leader: 'X' })
        .expect(400);
    });
  });

  describe('itinerary', () => {
    it('keeps items within the days as seen in the delegation zone, shown in UTC and local time', async () => {
      const delegation = await createDelegation();
      const created = await client
        .as(organiser.accessToken)
        .post(`/api/delegations/${delegation.id}/itinerary`)
        .send({
          kind: 'site-visit',
          title: 'Otaniemi campus',
          location: 'Espoo',
          startsAt: '2030-06-11T09:00:00+03:00',
          endsAt: '2030-06-11T12:00:00+03:00',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        kind: 'site-visit',
        startsAt: '2030-06-11T06:00:00.000Z',
        endsAt: '2030-06-11T09:00:00.000Z',
        local: {
          startsAt: '2030-06-11T09:00:00+03:00',
          endsAt: '2030-06-11T12:00:00+03:00',
          timezone: 'Europe/Helsinki',
        },
      });
      // 00:30 on the first day in Helsinki is still 9 June in UTC: inside.
      await client
        .as(organiser.accessToken)
        .post(`/api/delegations/${delegation.id}/itinerary`)
        .send({
          kind: 'reception',
          title: 'Arrival',
          startsAt: '2030-06-09T21:30:00Z',
          endsAt: '2030-06-09T22:30:00Z',
        })
        .expect(201);
      // 23:30 UTC on the last day is already the next day in Helsinki: outside.
      const late = await client
        .as(organiser.accessToken)
        .post(`/api/delegations/${delegation.id}/itinerary`)
        .send({
          kind: 'reception',
          title: 'Farewell',
          startsAt: '2030-06-14T20:00:00Z',
          endsAt: '2030-06-14T23:30:00Z',
        })
        .expect(400);
      expect(Object.keys(late.body.fields)).toEqual(['startsAt']);
      const read = await client
        .as(member.accessToken)
        .get(`/api/delegations/${delegation.id}`)
        .expect(200);
      expect(read.body.itinerary.map((item: { title: string }) => item.title)).toEqual([
        'Arrival',
        'Otaniemi campus',
      ]);
    });

    it('refuses an end before the start, local times without an offset and bad kinds (400)', async () => {
      const delegation = await createDelegation();
      const url = `/api/delegations/${delegation.id}/itinerary`;
      const backwards = await client
        .as(organiser.accessToken)
        .post(url)
        .send({
          kind: 'seminar',
          title: 'X',
          startsAt: '2030-06-11T12:00:00Z',
          endsAt: '2030-06-11T11:00:00Z',
        })
        .expect(400);
      expect(backwards.body.fields).toEqual({ endsAt: ['must be after startsAt'] });
      const bad = await client
        .as(organiser.accessToken)
        .post(url)
        .send({ kind: 'party', title: '', startsAt: '2030-06-11T12:00:00', endsAt: 'noon' })
        .expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['endsAt', 'kind', 'startsAt', 'title']);
    });

    it('lets organisers delete an item; members may not add or delete (403); unknown ids are 404', async () => {
      const delegation = await createDelegation();
      const url = `/api/delegations/${delegation.id}/itinerary`;
      const item = {
        kind: 'seminar',
        title: 'Doing business in HK',
        startsAt: '2030-06-12T07:00:00Z',
        endsAt: '2030-06-12T08:00:00Z',
      };
      await client.as(member.accessToken).post(url).send(item).expect(403);
      const created = await client.as(organiser.accessToken).post(url).send(item).expect(201);
      await client.as(member.accessToken).delete(`${url}/${created.body.id}`).expect(403);
      await client.as(organiser.accessToken).delete(`${url}/${created.body.id}`).expect(204);
      await client.as(organiser.accessToken).delete(`${url}/${created.body.id}`).expect(404);
      const read = await client
        .as(member.accessToken)
        .get(`/api/delegations/${delegation.id}`)
        .expect(200);
      expect(read.body.itinerary).toEqual([]);
    });

    it('refuses date or zone edits that would leave items outside (409)', async () => {
      const delegation = await createDelegation();
      await client
        .as(organiser.accessToken)
        .post(`/api/delegations/${delegation.id}/itinerary`)
        .send({
          kind: 'exhibition',
          title: 'Slush',
          startsAt: '2030-06-14T08:00:00Z',
          endsAt: '2030-06-14T15:00:00Z',
        })
        .expect(201);
      const response = await client
        .as(organiser.accessToken)
        .patch(`/api/delegations/${delegation.id}`)
        .send({ endsOn: '2030-06-13' })
        .expect(409);
      expect(response.body.code).toBe('delegation.itinerary_outside');
      const read = await client
        .as(organiser.accessToken)
        .get(`/api/delegations/${delegation.id}`)
        .expect(200);
      expect(read.body.endsOn).toBe('2030-06-14');
    });

    it('serves a valid iCalendar feed that a real parser reads with the right instants', async () => {
      const delegation = await createDelegation();
      await client
        .as(organiser.accessToken)
        .post(`/api/delegations/${delegation.id}/itinerary`)
        .send({
          kind: 'matching-session',
          title: 'Business matching, Finnish and HK firms',
          location: 'Messukeskus, Helsinki',
          startsAt: '2030-06-13T10:00:00+03:00',
          endsAt: '2030-06-13T13:00:00+03:00',
        })
        .expect(201);
      const response = await client
        .as(member.accessToken)
        .get(`/api/delegations/${delegation.id}/itinerary.ics`)
        .expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/calendar/);
      expect(response.headers['content-disposition']).toContain('.ics');
      const calendar = new ICAL.Component(ICAL.parse(response.text));
      const [event] = calendar
        .getAllSubcomponents('vevent')
        .map((component) => new ICAL.Event(component));
      expect(event.summary).toBe('Business matching, Finnish and HK firms');
      expect(event.location).toBe('Messukeskus, Helsinki');
      expect(event.startDate.toJSDate().toISOString()).toBe('2030-06-13T07:00:00.000Z');
      expect(event.endDate.toJSDate().toISOString()).toBe('2030-06-13T10:00:00.000Z');
      await client.http.get(`/api/delegations/${delegation.id}/itinerary.ics`).expect(401);
    });
  });

  describe('applications', () => {
    /** A verified company owned by a fresh member. */
    async function firm(): Promise<{ owner: Account; companyId: string }> {
      const owner = await client.signUp();
      const company = await client.verifiedCompany(owner.accessToken, organiser.accessToken);
      return { owner, companyId: company.id };
    }

    async function apply(
      delegationId: string,
      applicant: { owner: Account; companyId: string },
    ): Promise<string> {
      const response = await client
        .as(applicant.owner.accessToken)
        .post(`/api/delegations/${delegationId}/applications`)
        .send({ companyId: applicant.companyId })
        .expect(201);
      expect(response.body).toMatchObject({ status: 'pending', companyId: applicant.companyId });
      return response.body.id;
    }

    const decide = (token: string, delegationId: string, applicationId: string, status: string) =>
      client
        .as(token)
        .patch(`/api/delegations/${delegationId}/applications/${applicationId}`)
        .send({ status });

    it('lets an owner apply once, for a verified company of their own', async () => {
      const delegation = await createDelegation();
      const applicant = await firm();
      await apply(delegation.id, applicant);
      const twice = await client
        .as(applicant.owner.accessToken)
        .post(`/api/delegations/${delegation.id}/applications`)
        .send({ companyId: applicant.companyId })
        .expect(409);
      expect(twice.body.code).toBe('application.duplicate');
      const stranger = await client.signUp();
      const notYours = await client
        .as(stranger.accessToken)
        .post(`/api/delegations/${delegation.id}/applications`)
        .send({ companyId: applicant.companyId })
        .expect(403);
      expect(notYours.body.code).toBe('company.not_yours');
      const pending = await client.company(stranger.accessToken);
      const unverified = await client
        .as(stranger.accessToken)
        .post(`/api/delegations/${delegation.id}/applications`)
        .send({ companyId: pending.id })
        .expect(409);
      expect(unverified.body.code).toBe('company.not_verified');
      await client
        .as(stranger.accessToken)
        .post(`/api/delegations/${delegation.id}/applications`)
        .send({ companyId: 'x' })
        .expect(400);
      await client
        .as(stranger.accessToken)
        .post(`/api/delegations/${delegation.id}/applications`)
        .send({ companyId: '6a1f2a0e-0000-4000-8000-000000000000' })
        .expect(404);
      await client
        .as(stranger.accessToken)
        .post('/api/delegations/6a1f2a0e-0000-4000-8000-000000000000/applications')
        .send({ companyId: pending.id })
        .expect(404);
    });

    it('takes delegates from the travelling side: companies of its origin country only (409)', async () => {
      // Canadian firms travelling to Hong Kong: a Hong Kong firm may not join them.
      const inbound = await createDelegation({
        direction: 'inbound',
        originCountry: 'CA',
        destinationCountry: 'HK',
        city: 'Hong Kong',
        timezone: 'Asia/Hong_Kong',
      });
      const hongKong = await firm();
      const refused = await client
        .as(hongKong.owner.accessToken)
        .post(`/api/delegations/${inbound.id}/applications`)
        .send({ companyId: hongKong.companyId })
        .expect(409);
      expect(refused.body.code).toBe('application.wrong_country');
      expect(refused.body.message).toContain('CA');
      const owner = await client.signUp();
      const canadian = await client.verifiedCompany(owner.accessToken, organiser.accessToken, {
        country: 'CA',
        city: 'Toronto',
        timezone: 'America/Toronto',
      });
      await apply(inbound.id, { owner, companyId: canadian.id });
      const detail = await client
        .as(organiser.accessToken)
        .get(`/api/delegations/${inbound.id}`)
        .expect(200);
      expect(
        detail.body.applications.map((application: { companyId: string }) => application.companyId),
      ).toEqual([canadian.id]);
    });

    it('refuses applications to a delegation that is over (409)', async () => {
      const delegation = await createDelegation({ startsOn: '2020-01-10', endsOn: '2020-01-12' });
      const applicant = await firm();
      const response = await client
        .as(applicant.owner.accessToken)
        .post(`/api/delegations/${delegation.id}/applications`)
        .send({ companyId: applicant.companyId })
        .expect(409);
      expect(response.body.code).toBe('delegation.ended');
    });

    it('lets organisers accept, reject and waitlist; owners only withdraw', async () => {
      const delegation = await createDelegation();
      const applicant = await firm();
      const id = await apply(delegation.id, applicant);
      const ownerAccept = await decide(
        applicant.owner.accessToken,
        delegation.id,
        id,
        'accepted',
      ).expect(403);
      expect(ownerAccept.body.code).toBe('auth.role_required');
      expect(
        (await decide(organiser.accessToken, delegation.id, id, 'waitlisted').expect(200)).body,
      ).toMatchObject({ status: 'waitlisted', waitlistedAt: expect.any(String) });
      expect(
        (await decide(organiser.accessToken, delegation.id, id, 'rejected').expect(200)).body
          .status,
      ).toBe('rejected');
      expect(
        (await decide(organiser.accessToken, delegation.id, id, 'accepted').expect(200)).body
          .status,
      ).toBe('accepted');
      // An organiser cannot withdraw for the company; a stranger neither.
      await decide(organiser.accessToken, delegation.id, id, 'withdrawn').expect(403);
      await decide((await client.signUp()).accessToken, delegation.id, id, 'withdrawn').expect(403);
      expect(
        (await decide(applicant.owner.accessToken, delegation.id, id, 'withdrawn').expect(200)).body
          .status,
      ).toBe('withdrawn');
      const again = await decide(organiser.accessToken, delegation.id, id, 'accepted').expect(409);
      expect(again.body.code).toBe('application.withdrawn');
      const bad = await decide(organiser.accessToken, delegation.id, id, 'pending').expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['status']);
      await decide(
        organiser.accessToken,
        delegation.id,
        '6a1f2a0e-0000-4000-8000-000000000000',
        'accepted',
      ).expect(404);
    });

    it('answers 409 when accepting into a full delegation', async () => {
      const delegation = await createDelegation({ capacity: 1 });
      const first = await apply(delegation.id, await firm());
      const second = await apply(delegation.id, await firm());
      await decide(organiser.accessToken, delegation.id, first, 'accepted').expect(200);
      const full = await decide(organiser.accessToken, delegation.id, second, 'accepted').expect(
        409,
      );
      expect(full.body.code).toBe('delegation.full');
      const lower = await client
        .as(organiser.accessToken)
        .patch(`/api/delegations/${delegation.id}`)
        .send({ capacity: 1 })
        .expect(200);
      expect(lower.body).toMatchObject({ acceptedCount: 1, seatsLeft: 0 });
    });

    it('never overfills: 20 concurrent accepts into a capacity of 5 accept exactly 5', async () => {
      const delegation = await createDelegation({ capacity: 5 });
      const firms = await Promise.all(Array.from({ length: 20 }, () => firm()));
      const ids = await Promise.all(firms.map((applicant) => apply(delegation.id, applicant)));
      const responses = await Promise.all(
        ids.map((id) => decide(organiser.accessToken, delegation.id, id, 'accepted')),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses.filter((status) => status === 200)).toHaveLength(5);
      expect(statuses.filter((status) => status === 409)).toHaveLength(15);
      const db = client.app.get(DataSource);
      const [{ n }] = await db.query<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM delegation_applications WHERE delegation_id = $1 AND status = 'accepted'",
        [delegation.id],
      );
      expect(n).toBe(5);
      const lowered = await client
        .as(organiser.accessToken)
        .patch(`/api/delegations/${delegation.id}`)
        .send({ capacity: 4 })
        .expect(409);
      expect(lowered.body.code).toBe('delegation.capacity_below_accepted');
    });

    it('promotes the longest-waiting waitlisted company when an accepted one withdraws', async () => {
      const delegation = await createDelegation({ capacity: 1 });
      const accepted = await firm();
      const [early, late] = [await firm(), await firm()];
      const acceptedId = await apply(delegation.id, accepted);
      const lateId = await apply(delegation.id, late);
      const earlyId = await apply(delegation.id, early);
      await decide(organiser.accessToken, delegation.id, acceptedId, 'accepted').expect(200);
      // Waitlisted in this order: "early" first, although it applied after "late".
      await decide(organiser.accessToken, delegation.id, earlyId, 'waitlisted').expect(200);
      await decide(organiser.accessToken, delegation.id, lateId, 'waitlisted').expect(200);
      // Anyone signed in sees how many wait, in the list and on the delegation.
      const before = await client
        .as(accepted.owner.accessToken)
        .get(`/api/delegations/${delegation.id}`)
        .expect(200);
      expect(before.body).toMatchObject({ acceptedCount: 1, waitlistedCount: 2, seatsLeft: 0 });
      const listed = await client
        .as(accepted.owner.accessToken)
        .get('/api/delegations?pageSize=100')
        .expect(200);
      expect(
        listed.body.items.find((item: { id: string }) => item.id === delegation.id),
      ).toMatchObject({ acceptedCount: 1, waitlistedCount: 2 });

      await decide(accepted.owner.accessToken, delegation.id, acceptedId, 'withdrawn').expect(200);
      const read = await client
        .as(organiser.accessToken)
        .get(`/api/delegations/${delegation.id}`)
        .expect(200);
      const status = Object.fromEntries(
        read.body.applications.map((a: { id: string; status: string }) => [a.id, a.status]),
      );
      expect(status).toEqual({
        [acceptedId]: 'withdrawn',
        [earlyId]: 'accepted',
        [lateId]: 'waitlisted',
      });
      expect(read.body).toMatchObject({ acceptedCount: 1, waitlistedCount: 1, seatsLeft: 0 });
    });

    it('shows organisers every application, members the accepted ones and their own', async () => {
      const delegation = await createDelegation();
      const [a, b, c] = [await firm(), await firm(), await firm()];
      const [aId, bId, cId] = [
        await apply(delegation.id, a),
        await apply(delegation.id, b),
        await apply(delegation.id, c),
      ];
      await decide(organiser.accessToken, delegation.id, aId, 'accepted').expect(200);
      await decide(organiser.accessToken, delegation.id, cId, 'rejected').expect(200);
      const seen = async (token: string): Promise<string[]> =>
        (
          await client.as(token).get(`/api/delegations/${delegation.id}`).expect(200)
        ).body.applications
          .map((x: { id: string }) => x.id)
          .sort();
      expect(await seen(organiser.accessToken)).toEqual([aId, bId, cId].sort());
      expect(await seen(b.owner.accessToken)).toEqual([aId, bId].sort());
      expect(await seen(c.owner.accessToken)).toEqual([aId, cId].sort());
      expect(await seen(member.accessToken)).toEqual([aId]);
      const view = (
        await client.as(member.accessToken).get(`/api/delegations/${delegation.id}`).expect(200)
      ).body.applications[0];
      expect(view).toMatchObject({
        id: aId,
        companyId: a.companyId,
        companyName: expect.any(String),
        status: 'accepted',
      });
    });
  });
});
