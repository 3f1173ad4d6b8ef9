import {
  companyInput,
  delegationInput,
  sessionInput,
  useApi,
  type Account,
} from './support/client';

/** A 400 gives, beside its English `fields`, the `rules` each field broke, for clients to word. */
describe('the rules of a 400', () => {
  const client = useApi();
  let organiser: Account;
  let member: Account;

  beforeAll(async () => {
    [organiser, member] = await Promise.all([client.organiser(), client.signUp()]);
  }, 120_000);

  it('names every rule of a company with its parameters, nested choices and countries too', async () => {
    const response = await client
      .as(member.accessToken)
      .post('/api/companies')
      .send(
        companyInput({
          description: 'x'.repeat(4001),
          country: 'Hong Kong',
          timezone: 'HKT',
          languages: ['english'],
        }),
      )
      .expect(400);
    expect(response.body).toMatchObject({
      code: 'validation_failed',
      fields: expect.objectContaining({ country: expect.any(Array) }),
      rules: {
        description: [{ rule: 'maxLength', params: { max: expect.any(Number) } }],
        country: [{ rule: 'isCountry' }],
        timezone: [{ rule: 'isTimeZone' }],
        languages: [{ rule: 'isLanguage' }],
      },
    });
    expect(Object.keys(response.body.rules)).toEqual(Object.keys(response.body.fields));
  });

  it('gives a session’s date errors with the other fields, nested weights by their path', async () => {
    const response = await client
      .as(organiser.accessToken)
      .post('/api/sessions')
      .send(
        sessionInput({
          title: '',
          mode: 'phone',
          endsAt: '2031-03-09T00:00:00Z',
          requestDeadline: 'tomorrow',
          weights: { complementarity: 2 },
        }),
      )
      .expect(400);
    expect(response.body.rules).toEqual({
      title: [{ rule: 'length', params: { min: 3, max: 200 } }],
      mode: [{ rule: 'isIn', params: { values: ['video', 'in-person'] } }],
      endsAt: [{ rule: 'after', params: { field: 'startsAt' } }],
      requestDeadline: [{ rule: 'isDateTime' }],
      'weights.complementarity': [{ rule: 'max', params: { max: 1 } }],
    });
  });

  it('words what the service checks across fields (a delegation’s days)', async () => {
    const response = await client
      .as(organiser.accessToken)
      .post('/api/delegations')
      .send(delegationInput({ startsOn: '2030-06-10', endsOn: '2030-09-14', capacity: 0 }))
      .expect(400);
    expect(response.body.rules).toMatchObject({
      endsOn: [{ rule: 'withinDays', params: { field: 'startsOn', days: 60 } }],
      capacity: [{ rule: 'min', params: { min: 1 } }],
    });
  });

  it('words what services check beyond the DTO: an itinerary item’s order, ids, a move', async () => {
    const delegation = await client
      .as(organiser.accessToken)
      .post('/api/delegations')
      .send(delegationInput())
      .expect(201);
    const item = await client
      .as(organiser.accessToken)
      .post(`/api/delegations/${delegation.body.id}/itinerary`)
      .send({
        kind: 'site-visit',
        title: 'Site visit',
        startsAt: '2030-06-11T12:00:00+03:00',
        endsAt: '2030-06-11T09:00:00+03:00',
      })
      .expect(400);
    expect(item.body.rules).toEqual({
      endsAt: [{ rule: 'after', params: { field: 'startsAt' } }],
    });

    const job = await client.as(organiser.accessToken).get('/api/jobs/bad%20id').expect(400);
    expect(job.body.rules).toEqual({ id: [{ rule: 'format' }] });
    const company = await client.as(member.accessToken).get('/api/companies/42').expect(400);
    expect(company.body.rules).toEqual({ id: [{ rule: 'isUuid' }] });

    const meetingId = '00000000-0000-4000-8000-000000000000';
    const both = await client
      .as(organiser.accessToken)
      .patch(`/api/meetings/${meetingId}`)
      .send({ status: 'held', slotIndex: 1 })
      .expect(400);
    expect(both.body.rules).toEqual({
      status: [{ rule: 'exclusive', params: { fields: ['slotIndex', 'table', 'swapWith'] } }],
    });
    const none = await client
      .as(organiser.accessToken)
      .patch(`/api/meetings/${meetingId}`)
      .send({})
      .expect(400);
    expect(none.body.rules).toEqual({
      status: [{ rule: 'oneChange', params: { fields: ['status', 'fixed'] } }],
    });
    const self = await client
      .as(organiser.accessToken)
      .patch(`/api/meetings/${meetingId}`)
      .send({ swapWith: meetingId })
      .expect(400);
    expect(self.body.rules).toEqual({ swapWith: [{ rule: 'otherMeeting' }] });
  });

  it('says a missing field is required and an unknown field not allowed', async () => {
    const response = await client.http
      .post('/api/auth/login')
      .send({ email: 'someone@example.com', remember: true })
      .expect(400);
    expect(response.body.rules).toEqual({
      password: [{ rule: 'required' }],
      remember: [{ rule: 'notAllowed' }],
    });
  });
});
