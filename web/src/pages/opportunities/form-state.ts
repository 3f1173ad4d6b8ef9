import type { components } from '../../api/schema';
import { VIEWER_ZONE } from '../../i18n';
import { dayOf, endOfDay } from '../../zoned-time';
import type { Opportunity, OpportunityKind } from './types';

/** What the form sends: a new post, or the changes to one. */
export type OpportunityBody = components['schemas']['CreateOpportunityDto'];
export type OpportunityChanges = components['schemas']['UpdateOpportunityDto'];

/** The form's fields as chosen and typed; the deadline as a calendar day in the reader's zone. */
export interface PostForm {
  kind: OpportunityKind;
  companyId: string;
  title: string;
  description: string;
  sectors: string[];
  countries: string[];
  partnerTypes: string[];
  deadline: string;
  link: string;
  partnerCountry: string;
}

/** A post's fields, or blank ones of the first kind the reader may post (for `companyId`). */
export function initialForm(
  post: Opportunity | undefined,
  kind: OpportunityKind,
  companyId: string,
): PostForm {
  return {
    kind: post?.kind ?? kind,
    companyId: post?.company?.id ?? companyId,
    title: post?.title ?? '',
    description: post?.description ?? '',
    sectors: post?.sectors ?? [],
    countries: post?.countries ?? [],
    partnerTypes: post?.partnerTypes ?? [],
    deadline: post?.deadline ? dayOf(post.deadline, VIEWER_ZONE) : '',
    link: post?.link ?? '',
    partnerCountry: post?.partnerCountry ?? '',
  };
}

/**
 * The fields the API takes for the poster: a firm's post names its company, an organiser's its
 * partner economy. The deadline day holds until it is over where the reader is; a blank optional
 * field is left out of a new post, and cleared (null) in the changes to one.
 */
export function postBody(form: PostForm, organiser: boolean): OpportunityBody {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    kind: form.kind,
    title: form.title,
    description: form.description,
    sectors: form.sectors,
    countries: form.countries,
    ...(organiser
      ? { partnerCountry: optional(form.partnerCountry) }
      : { companyId: form.companyId, partnerTypes: form.partnerTypes }),
    deadline: optional(form.deadline) && endOfDay(form.deadline, VIEWER_ZONE),
    link: optional(form.link),
  } as OpportunityBody;
}

/**
 * The changes to a post: the fields that differ from `initial` (its kind and company never
 * change), a blank optional one cleared (null). A deadline left alone is not sent again, so that
 * a post whose deadline passed can still be corrected, and one set in another zone stays as it is.
 */
export function postChanges(
  form: PostForm,
  initial: PostForm,
  organiser: boolean,
): OpportunityChanges {
  const body: Record<string, unknown> = postBody(form, organiser);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(form) as (keyof PostForm)[]) {
    if (key === 'kind' || key === 'companyId' || !(key in body)) continue;
    if (JSON.stringify(form[key]) !== JSON.stringify(initial[key]))
      changes[key] = body[key] ?? null;
  }
  return changes;
}
