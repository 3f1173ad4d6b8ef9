import type { WireCompany } from '../../../../src/live/live.wire';
import type { components } from '../../api/schema';
import { VIEWER_ZONE } from '../../i18n';

/** What the form sends: a new company, or the changes to one. */
export type CompanyBody = components['schemas']['CreateCompanyDto'];

/** Items typed as a list: `a, b` (commas in either script, or semicolons). */
const list = (text: string) =>
  text
    .split(/[,，;]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** The form's text fields, from a company being edited or blank for a new one. */
export function initialForm(company?: WireCompany) {
  return {
    name: company?.name ?? '',
    country: company?.country ?? '',
    city: company?.city ?? '',
    website: company?.website ?? '',
    description: company?.description ?? '',
    offers: company?.offers.join(', ') ?? '',
    seeks: company?.seeks.join(', ') ?? '',
    targetMarkets: company?.targetMarkets ?? [],
    languages: company?.languages ?? ['en'],
    timezone: company?.timezone ?? VIEWER_ZONE,
    employees: company?.employees ?? '1-9',
  };
}

export type CompanyFormState = ReturnType<typeof initialForm>;

/** What is sent: lists split; editing, an emptied website is cleared. */
export function companyBody(
  form: CompanyFormState,
  sectors: string[],
  partnerTypes: string[],
  editing: boolean,
): CompanyBody {
  const body = {
    name: form.name,
    country: form.country,
    city: form.city,
    description: form.description,
    sectors,
    partnerTypes,
    offers: list(form.offers),
    seeks: list(form.seeks),
    targetMarkets: form.targetMarkets,
    languages: form.languages,
    timezone: form.timezone,
    employees: form.employees,
  };
  const website = form.website.trim();
  // The API checks every value (sectors, bands) and answers with the field's message.
  return (
    editing ? { ...body, website: website || null } : { ...body, ...(website ? { website } : {}) }
  ) as CompanyBody;
}
