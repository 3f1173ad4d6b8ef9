import { DataSource } from 'typeorm';
import { EMPLOYEE_BANDS } from '../src/companies/taxonomy';
import { unique, type Account, useApi } from './support/client';

const HEADER =
  'name,country,city,website,description,sectors,offers,seeks,partnerTypes,targetMarkets,languages,timezone,employees,ownerEmail,status';

function row(cells: Record<string, string>): string {
  const defaults: Record<string, string> = {
    name: unique('Imported Co'),
    country: 'CA',
    city: 'Toronto',
    website: 'https://example.ca',
    description: '"Channel partner, with a comma"',
    sectors: 'e-commerce;software',
    offers: 'Distribution in North America|retail channels',
    seeks: 'mobile payments',
    partnerTypes: 'distributor;reseller',
    targetMarkets: 'hk;sg',
    languages: 'en;fr',
    timezone: 'America/Toronto',
    employees: '10-49',
    ownerEmail: '',
    status: '',
  };
  const merged = { ...defaults, ...cells };
  return HEADER.split(',')
    .map((column) => merged[column])
    .join(',');
}

describe('POST /api/companies/import (CSV)', () => {
  const client = useApi();
  let db: DataSource;
  let organiser: Account;
  let member: Account;

  beforeAll(async () => {
    db = client.app.get(DataSource);
    [organiser, member] = await Promise.all([client.organiser(), client.signUp()]);
  });

  const importCsv = (token: string, csv: string) =>
    client.as(token).post('/api/companies/import').set('Content-Type', 'text/csv').send(csv);
  const stored = async (names: string[]): Promise<string[]> =>
    (
      await db.query<{ name: string }[]>(
        'SELECT name FROM companies WHERE name = ANY($1) ORDER BY name',
        [names],
      )
    ).map((company) => company.name);

  it('creates the good rows and reports every bad row with its fields, storing none of them', async () => {
    const good = [unique('Maple Import'), unique('Maple Import')];
    const bad = [unique('Bad Country'), unique('Bad Zone')];
    const csv = [
      HEADER,
      row({ name: good[0], ownerEmail: member.user.email, status: 'verified' }),
      row({ name: bad[0], country: 'Canada', employees: 'lots' }),
      row({ name: good[1] }),
      row({ name: bad[1], timezone: 'America/Atlantis', ownerEmail: 'nobody@example.org' }),
      row({ name: good[0] }),
    ].join('\n');
    const response = await importCsv(organiser.accessToken, csv).expect(200);
    expect(response.body.total).toBe(5);
    expect(
      response.body.created.map((created: { row: number; name: string }) => [
        created.row,
        created.name,
      ]),
    ).toEqual([
      [2, good[0]],
      [4, good[1]],
    ]);
    const errors = response.body.errors as {
      row: number;
      fields: Record<string, string[]>;
      rules: Record<string, { rule: string; params?: Record<string, unknown> }[]>;
    }[];
    expect(errors.map((error) => [error.row, Object.keys(error.fields).sort()])).toEqual([
      [3, ['country', 'employees']],
      [5, ['timezone']],
      [6, ['name']],
    ]);
    // Each refused field with the rules it broke, as a 400 names them, for clients to word.
    expect(errors.map((error) => [error.row, error.rules])).toEqual([
      [
        3,
        {
          country: [{ rule: 'isCountry' }],
          employees: [{ rule: 'isIn', params: { values: [...EMPLOYEE_BANDS] } }],
        },
      ],
      [5, { timezone: [{ rule: 'isTimeZone' }] }],
      [6, { name: [{ rule: 'nameTaken' }] }],
    ]);
    expect(await stored([...good, ...bad])).toEqual([...good].sort());

    // The owner column made the member its owner; status came from the row; lists were split.
    const me = await client.as(member.accessToken).get('/api/auth/me').expect(200);
    expect(me.body.companies).toContainEqual(
      expect.objectContaining({ name: good[0], status: 'verified', role: 'owner' }),
    );
    const company = await client
      .as(member.accessToken)
      .get(`/api/companies/${response.body.created[0].id}`)
      .expect(200);
    expect(company.body).toMatchObject({
      sectors: ['e-commerce', 'software'],
      offers: ['distribution in north america', 'retail channels'],
      targetMarkets: ['HK', 'SG'],
      description: 'Channel partner, with a comma',
    });
  });

  it('reports an unknown owner email as a row error', async () => {
    const name = unique('Orphan');
    const response = await importCsv(
      organiser.accessToken,
      [HEADER, row({ name, ownerEmail: 'ghost@example.org' })].join('\n'),
    ).expect(200);
    expect(response.body.created).toEqual([]);
    expect(response.body.errors[0]).toMatchObject({
      row: 2,
      fields: { ownerEmail: ['no account has this email'] },
      rules: { ownerEmail: [{ rule: 'knownAccount' }] },
    });
    expect(await stored([name])).toEqual([]);
  });

  it('refuses malformed CSV, unknown or missing columns and empty files as a whole (400)', async () => {
    const unterminated = await importCsv(
      organiser.accessToken,
      `${HEADER}\n"unterminated,CA`,
    ).expect(400);
    expect(unterminated.body.code).toBe('import.malformed_csv');
    const columns = await importCsv(organiser.accessToken, 'name,country,colour\nX,CA,red').expect(
      400,
    );
    expect(columns.body.fields.columns.join(' ')).toMatch(
      /unknown columns: colour.*|missing columns/,
    );
    expect(columns.body.fields.columns.join(' ')).toContain('missing columns: city');
    expect(columns.body.rules.columns).toEqual([
      { rule: 'unknownColumns', params: { values: ['colour'] } },
      {
        rule: 'missingColumns',
        params: { values: ['city', 'sectors', 'languages', 'timezone', 'employees'] },
      },
    ]);
    await importCsv(organiser.accessToken, '').expect(400);
    const headerOnly = await importCsv(organiser.accessToken, HEADER).expect(400);
    expect(headerOnly.body.code).toBe('import.no_rows');
    const ragged = await importCsv(organiser.accessToken, `${HEADER}\nonly,three,cells`).expect(
      400,
    );
    expect(ragged.body.code).toBe('import.malformed_csv');
  });

  it('refuses files over 5 MiB (413) and more than 5,000 rows (413)', async () => {
    const huge = `${HEADER}\n${'x'.repeat(5 * 1024 * 1024 + 1)}`;
    const tooLarge = await importCsv(organiser.accessToken, huge).expect(413);
    expect(tooLarge.body.statusCode).toBe(413);
    const many = [HEADER, ...Array.from({ length: 5001 }, () => row({}))].join('\n');
    const tooMany = await importCsv(organiser.accessToken, many).expect(413);
    expect(tooMany.body.code).toBe('import.too_many_rows');
  });

  it('is for organisers: 403 for members, 401 without a token', async () => {
    const name = unique('Member Import');
    await importCsv(member.accessToken, [HEADER, row({ name })].join('\n')).expect(403);
    await client.http
      .post('/api/companies/import')
      .set('Content-Type', 'text/csv')
      .send([HEADER, row({ name })].join('\n'))
      .expect(401);
    expect(await stored([name])).toEqual([]);
  });

  it('answers a trial run (?dryRun=true) exactly as the import, and stores nothing', async () => {
    const good = [unique('Trial Import'), unique('Trial Import')];
    const bad = unique('Trial Bad');
    const csv = [
      HEADER,
      row({ name: good[0], ownerEmail: member.user.email, status: 'verified' }),
      row({ name: bad, country: 'Canada' }),
      row({ name: good[1], ownerEmail: 'ghost@example.org' }),
      // The same name and country as row 2: only the database knows, within the same file too.
      row({ name: good[0] }),
    ].join('\n');
    const count = async () =>
      (await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM companies'))[0].n;
    const members = async () =>
      (await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM company_members'))[0].n;
    const [companiesBefore, membersBefore] = [await count(), await members()];

    const trial = await client
      .as(organiser.accessToken)
      .post('/api/companies/import?dryRun=true')
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(200);
    expect(await stored([...good, bad])).toEqual([]);
    expect([await count(), await members()]).toEqual([companiesBefore, membersBefore]);
    const shape = (body: {
      total: number;
      created: { row: number; name: string }[];
      errors: { row: number; fields: Record<string, string[]> }[];
    }) => ({
      total: body.total,
      created: body.created.map((created) => [created.row, created.name]),
      errors: body.errors.map((error) => [error.row, Object.keys(error.fields).sort()]),
    });
    expect(trial.body.dryRun).toBe(true);
    expect(shape(trial.body)).toEqual({
      total: 4,
      created: [[2, good[0]]],
      errors: [
        [3, ['country']],
        [4, ['ownerEmail']],
        [5, ['name']],
      ],
    });

    // The import itself then gives the same answer, and stores what it said.
    const real = await importCsv(organiser.accessToken, csv).expect(200);
    expect(real.body.dryRun).toBe(false);
    expect(shape(real.body)).toEqual(shape(trial.body));
    expect(await stored([...good, bad])).toEqual([good[0]]);

    const wrong = await client
      .as(organiser.accessToken)
      .post('/api/companies/import?dryRun=yes')
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(400);
    expect(Object.keys(wrong.body.fields)).toEqual(['dryRun']);
    await client
      .as(member.accessToken)
      .post('/api/companies/import?dryRun=true')
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(403);
  });

  it('gives organisers a template: every column, an example row the import takes', async () => {
    const template = await client
      .as(organiser.accessToken)
      .get('/api/companies/import/template.csv')
      .expect(200);
    expect(template.headers['content-type']).toMatch(/^text\/csv/);
    expect(template.headers['content-disposition']).toContain('companies-import-template.csv');
    expect(template.text.startsWith('\uFEFF')).toBe(true);
    const [header, example, ...rest] = template.text.slice(1).trim().split('\n');
    expect(header).toBe(HEADER);
    expect(rest).toEqual([]);
    // The example, made unique, is a row the import takes (the BOM and all).
    const name = unique('Template Co');
    const answer = await client
      .as(organiser.accessToken)
      .post('/api/companies/import?dryRun=true')
      .set('Content-Type', 'text/csv')
      .send(template.text.replace('Maple Channel Partners', name))
      .expect(200);
    expect(example).toContain('Maple Channel Partners');
    expect(answer.body).toMatchObject({ total: 1, errors: [], created: [{ row: 2, name }] });
    await client.as(member.accessToken).get('/api/companies/import/template.csv').expect(403);
  });

  it('refuses a JSON body where CSV is expected (415)', async () => {
    const response = await client
      .as(organiser.accessToken)
      .post('/api/companies/import')
      .send({ name: 'x' })
      .expect(415);
    expect(response.body.code).toBe('import.not_csv');
  });
});
