import { startApi } from './support/app';
import { useApi, type Account } from './support/client';
import { collect, connected, LiveClients, listen, refused, request, settle } from './support/live';

const clients = new LiveClients();
const connect = clients.connect.bind(clients);

describe('the /live namespace (socket.io)', () => {
  const client = useApi();
  let url: string;
  let organiser: Account;

  beforeAll(async () => {
    url = await listen(client.app);
    organiser = await client.organiser();
  });
  afterEach(() => clients.closeAll());

  it('refuses a handshake without a token, with a malformed token and with a tampered one', async () => {
    expect((await refused(connect(url))).message).toMatch(/unauthorized/);
    expect((await refused(connect(url, 'not-a-token'))).message).toMatch(/unauthorized/);
    const { accessToken } = await client.signUp();
    const tampered = `${accessToken.slice(0, -3)}abc`;
    expect((await refused(connect(url, tampered))).message).toMatch(/unauthorized/);
  });

  it("tells a company's users, and no one else, when the company is verified", async () => {
    const owner = await client.signUp();
    const stranger = await client.signUp();
    const company = await client.company(owner.accessToken);
    const ownerSocket = connect(url, owner.accessToken);
    const strangerSocket = connect(url, stranger.accessToken);
    await Promise.all([connected(ownerSocket), connected(strangerSocket)]);
    const toOwner = collect<{ company: { id: string; status: string } }>(
      ownerSocket,
      'company.updated',
    );
    const toStranger = collect(strangerSocket, 'company.updated');

    await client
      .as(organiser.accessToken)
      .post(`/api/companies/${company.id}/verification`)
      .send({ status: 'verified' })
      .expect(200);
    await settle();
    expect(toOwner.map((event) => [event.company.id, event.company.status])).toEqual([
      [company.id, 'verified'],
    ]);
    expect(toStranger).toEqual([]);
  });

  it('puts an already connected user in the room of a company they register', async () => {
    const owner = await client.signUp();
    const socket = connect(url, owner.accessToken);
    await connected(socket);
    const company = await client.company(owner.accessToken);
    const received = collect<{ company: { status: string } }>(socket, 'company.updated');
    await client
      .as(organiser.accessToken)
      .post(`/api/companies/${company.id}/verification`)
      .send({ status: 'rejected' })
      .expect(200);
    await settle();
    expect(received.map((event) => event.company.status)).toEqual(['rejected']);
  });

  it('reaches a client connected to another API process (Redis adapter)', async () => {
    const other = await startApi();
    try {
      const otherUrl = await listen(other);
      const owner = await client.signUp();
      const company = await client.company(owner.accessToken);
      const socket = connect(otherUrl, owner.accessToken);
      await connected(socket);
      const received = collect<{ company: { city: string } }>(socket, 'company.updated');
      // The edit goes through the first process; the client sits on the second.
      await client
        .as(owner.accessToken)
        .patch(`/api/companies/${company.id}`)
        .send({ city: 'Tsuen Wan' })
        .expect(200);
      await settle(500);
      expect(received.map((event) => event.company.city)).toEqual(['Tsuen Wan']);
    } finally {
      await other.close();
    }
  });

  it("tells a company's users and the organisers when its delegation application is decided", async () => {
    const owner = await client.signUp();
    const stranger = await client.signUp();
    const company = await client.verifiedCompany(owner.accessToken, organiser.accessToken);
    const delegation = await client
      .as(organiser.accessToken)
      .post('/api/delegations')
      .send({
        title: 'Hong Kong ICT delegation to Canada',
        direction: 'outbound',
        originCountry: 'HK',
        destinationCountry: 'CA',
        city: 'Toronto',
        leader: 'Grace Lau',
        startsOn: '2030-10-12',
        endsOn: '2030-10-15',
        timezone: 'America/Toronto',
        capacity: 3,
      })
      .expect(201);
    const applied = await client
      .as(owner.accessToken)
      .post(`/api/delegations/${delegation.body.id}/applications`)
      .send({ companyId: company.id })
      .expect(201);
    const sockets = [owner, stranger, organiser].map((account) =>
      connect(url, account.accessToken),
    );
    await Promise.all(sockets.map(connected));
    const [toOwner, toStranger, toOrganiser] = sockets.map((socket) =>
      collect<{ application: { id: string; status: string } }>(socket, 'application.updated'),
    );
    await client
      .as(organiser.accessToken)
      .patch(`/api/delegations/${delegation.body.id}/applications/${applied.body.id}`)
      .send({ status: 'accepted' })
      .expect(200);
    await settle();
    const expected = [[applied.body.id, 'accepted']];
    expect(toOwner.map((event) => [event.application.id, event.application.status])).toEqual(
      expected,
    );
    expect(toOrganiser.map((event) => [event.application.id, event.application.status])).toEqual(
      expected,
    );
    expect(toStranger).toEqual([]);
  });

  it('acknowledges a message over 256 KiB with a 413 and keeps the socket; over the 1 MiB transport limit the connection closes', async () => {
    const socket = connect(url, organiser.accessToken);
    await connected(socket);
    const sessionId = '00000000-0000-4000-8000-000000000000';
    const announce = (bytes: number) =>
      request(socket, 'announce', { sessionId, text: 'a'.repeat(bytes) });

    const tooLarge = await announce(300 * 1024);
    expect(tooLarge).toMatchObject({
      ok: false,
      error: { statusCode: 413, error: 'Payload Too Large', code: 'live.message_too_large' },
    });
    // Just under the limit, the handler itself answers (here: the text is over 500 characters).
    const checked = await announce(250 * 1024);
    expect(checked).toMatchObject({
      ok: false,
      error: { statusCode: 400, fields: { text: expect.any(Array) } },
    });
    expect(socket.connected).toBe(true);
    const next = await request(socket, 'session:join', { sessionId });
    expect(next).toMatchObject({ ok: false, error: { statusCode: 404 } });

    // Above what the transport reads at all, no acknowledgement is possible: the connection closes.
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    socket.emit('announce', { sessionId, text: 'a'.repeat(1100 * 1024) }, () => undefined);
    expect(await closed).toMatch(/transport (close|error)/);
  });
});
