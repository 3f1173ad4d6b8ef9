import { DateTime } from 'luxon';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from '../../auth/password';
import { CompanyMember } from '../../companies/company-member.entity';
import { Company } from '../../companies/company.entity';
import { normaliseTags } from '../../companies/tags';
import { DelegationApplication } from '../../delegations/delegation-application.entity';
import { Delegation } from '../../delegations/delegation.entity';
import { ItineraryItem } from '../../delegations/itinerary-item.entity';
import { User, type Role } from '../../users/user.entity';
import { DEMO_COMPANIES } from './demo-companies';
import { DEMO_DELEGATIONS, scheduleDemoDelegation } from './demo-delegations';

/** Every demo account signs in with this password. */
export const DEMO_PASSWORD = 'tradematch-demo';

export interface DemoLogin {
  email: string;
  role: Role;
  who: string;
}

/** The accounts the launcher prints; every company owner can sign in too. */
export const DEMO_LOGINS: DemoLogin[] = [
  { email: 'admin@trade-match.demo', role: 'admin', who: 'platform admin' },
  { email: 'grace.lau@hktpo.demo', role: 'organiser', who: 'Hong Kong trade-promotion office' },
  { email: 'daniel.tremblay@canexport.demo', role: 'organiser', who: 'Canadian export agency' },
  { email: 'bd@harbourpay.hk', role: 'member', who: 'Harbour Pay Systems (Hong Kong)' },
  { email: 'partners@maplechannel.ca', role: 'member', who: 'Maple Channel Partners (Canada)' },
];

const STAFF: { email: string; name: string; role: Role }[] = [
  { email: 'admin@trade-match.demo', name: 'TradeMatch Admin', role: 'admin' },
  {
    email: 'grace.lau@hktpo.demo',
    name: 'Grace Lau, HK Trade Promotion Office',
    role: 'organiser',
  },
  {
    email: 'daniel.tremblay@canexport.demo',
    name: 'Daniel Tremblay, Canadian Export Agency',
    role: 'organiser',
  },
];

export interface SeedResult {
  users: number;
  companies: number;
  delegations: number;
}

async function seedUsers(manager: EntityManager, passwordHash: string): Promise<number> {
  const rows = [
    ...STAFF,
    ...DEMO_COMPANIES.map((company) => ({
      email: company.ownerEmail,
      name: `Business development, ${company.name}`,
      role: 'member' as const,
    })),
  ].map((user) => ({ ...user, passwordHash }));
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(User)
    .values(rows)
    .orIgnore()
    .execute();
  return (result.raw as unknown[]).length;
}

async function seedCompanies(manager: EntityManager): Promise<number> {
  const rows = DEMO_COMPANIES.map(({ ownerEmail, ...profile }) => ({
    ...profile,
    offers: normaliseTags(profile.offers),
    seeks: normaliseTags(profile.seeks),
    status: 'verified' as const,
    statusChangedAt: new Date(),
  }));
  // Conflicts on (lower(name), country) leave an existing company as it is.
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(Company)
    .values(rows)
    .orIgnore()
    .execute();

  const owners = await manager.find(User, {
    where: { email: In(DEMO_COMPANIES.map((company) => company.ownerEmail)) },
  });
  const ownerId = new Map(owners.map((owner) => [owner.email, owner.id]));
  const companies = await manager.find(Company, {
    where: { name: In(DEMO_COMPANIES.map((company) => company.name)) },
  });
  const companyId = new Map(
    companies.map((company) => [`${company.name}|${company.country}`, company.id]),
  );
  const members = DEMO_COMPANIES.flatMap((company) => {
    const id = companyId.get(`${company.name}|${company.country}`);
    const userId = ownerId.get(company.ownerEmail);
    return id && userId ? [{ companyId: id, userId, role: 'owner' as const }] : [];
  });
  await manager
    .createQueryBuilder()
    .insert()
    .into(CompanyMember)
    .values(members)
    .orIgnore()
    .execute();
  return (result.raw as unknown[]).length;
}

/** The demo delegations with their itineraries and applications; an existing title is kept. */
async function seedDelegations(manager: EntityManager): Promise<number> {
  const today = DateTime.utc();
  const organiser = await manager.findOneBy(User, { email: STAFF[1].email });
  let created = 0;
  for (const demo of DEMO_DELEGATIONS) {
    if (await manager.existsBy(Delegation, { title: demo.title })) continue;
    const { startsOn, endsOn, items } = scheduleDemoDelegation(demo, today);
    const { itinerary, applications, startsInDays, days, ...fields } = demo;
    const delegation = await manager.save(
      manager.create(Delegation, { ...fields, startsOn, endsOn, createdBy: organiser?.id ?? null }),
    );
    await manager.insert(
      ItineraryItem,
      items.map((item) => ({ ...item, delegationId: delegation.id })),
    );
    const companies = await manager.find(Company, {
      where: { name: In(applications.map(([name]) => name)) },
    });
    const companyId = new Map(companies.map((company) => [company.name, company.id]));
    const start = Date.now() - applications.length * 60_000;
    await manager.insert(
      DelegationApplication,
      applications.flatMap(([name, status], index) => {
        const id = companyId.get(name);
        // One minute apart, in the order listed, so the waitlist has an order.
        const at = new Date(start + index * 60_000);
        return id
          ? [
              {
                delegationId: delegation.id,
                companyId: id,
                status,
                createdAt: at,
                decidedAt: status === 'pending' ? null : at,
                decidedBy: status === 'pending' ? null : (organiser?.id ?? null),
                waitlistedAt: status === 'waitlisted' ? at : null,
              },
            ]
          : [];
      }),
    );
    created += 1;
  }
  return created;
}

/**
 * Loads the demo of SPEC.md: an admin, two organisers, the Hong Kong, Canadian and partner
 * economies' firms (each verified and owned by its own account), an outbound Hong Kong ICT
 * delegation to Finland and an inbound Canadian delegation to an ICT exhibition in Hong Kong. Idempotent: what exists stays.
 * The worker's start-up sweep builds the companies' search documents.
 */
export async function seedDemo(dataSource: DataSource): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => ({
    users: await seedUsers(manager, passwordHash),
    companies: await seedCompanies(manager),
    delegations: await seedDelegations(manager),
  }));
}
