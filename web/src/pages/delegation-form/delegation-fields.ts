import type { components } from '../../api/schema';
import { VIEWER_ZONE } from '../../i18n';
import type { Delegation } from '../delegations';

/** What the form sends: a new delegation, or the changes to one. */
export type DelegationBody = components['schemas']['CreateDelegationDto'];

/** The form's fields as typed (text, the direction chosen), from a delegation or blank. */
export type DelegationFields = Record<Exclude<keyof DelegationBody, 'direction'>, string> &
  Pick<DelegationBody, 'direction'>;

export function initialFields(delegation?: Delegation): DelegationFields {
  return {
    title: delegation?.title ?? '',
    direction: delegation?.direction ?? 'outbound',
    originCountry: delegation?.originCountry ?? '',
    destinationCountry: delegation?.destinationCountry ?? '',
    city: delegation?.city ?? '',
    leader: delegation?.leader ?? '',
    startsOn: delegation?.startsOn ?? '',
    endsOn: delegation?.endsOn ?? '',
    timezone: delegation?.timezone ?? VIEWER_ZONE,
    capacity: String(delegation?.capacity ?? 10),
    description: delegation?.description ?? '',
    partnerId: delegation?.partner?.id ?? '',
    agreementId: delegation?.agreementId ?? '',
  };
}

/** The capacity as a number when it reads as one. */
export function delegationBody(form: DelegationFields): DelegationBody {
  const capacity = Number(form.capacity);
  return {
    ...form,
    // A number the API checks; text it cannot read goes as it is, so it says what is wrong.
    capacity: form.capacity.trim() !== '' && Number.isFinite(capacity) ? capacity : form.capacity,
    // Held under no partner economy or agreement: none.
    partnerId: form.partnerId || null,
    agreementId: form.agreementId || null,
  } as DelegationBody;
}
