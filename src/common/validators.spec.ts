import { canonicalTimeZone } from './validators';
import { redisOptionsFromUrl } from '../redis/redis-options';
import { describeTaxonomy } from '../companies/taxonomy';

describe('canonicalTimeZone', () => {
  it.each([
    ['Asia/Hong_Kong', 'Asia/Hong_Kong'],
    ['asia/hong_kong', 'Asia/Hong_Kong'],
    ['America/Toronto', 'America/Toronto'],
    ['UTC', 'UTC'],
  ])('accepts %p as %p', (zone, canonical) => {
    expect(canonicalTimeZone(zone)).toBe(canonical);
  });

  it.each(['Mars/Olympus_Mons', 'GMT+25', '', 'Hong Kong'])('refuses %p', (zone) => {
    expect(canonicalTimeZone(zone)).toBeNull();
  });
});

describe('redisOptionsFromUrl', () => {
  it('reads host, port, credentials, database and TLS', () => {
    expect(redisOptionsFromUrl('rediss://user:p%40ss@cache.example:6380/3')).toEqual({
      host: 'cache.example',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 3,
      tls: {},
    });
    expect(redisOptionsFromUrl('redis://127.0.0.1')).toMatchObject({
      host: '127.0.0.1',
      port: 6379,
      db: 0,
    });
  });
});

describe('describeTaxonomy', () => {
  it('labels every sector and partner type of SPEC.md', () => {
    const taxonomy = describeTaxonomy();
    expect(taxonomy.sectors).toHaveLength(14);
    expect(taxonomy.partnerTypes).toHaveLength(9);
    for (const entry of [...taxonomy.sectors, ...taxonomy.partnerTypes])
      expect(entry.label).toMatch(/^[A-Z]/);
  });
});
