import { Link } from 'react-router';

/**
 * A company's name as a link to its profile page (`/companies/:id`): how every list of firms
 * (matches, requests, agendas, the directory) names one.
 */
export function CompanyLink({ id, name }: { id: string; name: string }) {
  return <Link to={`/companies/${id}`}>{name}</Link>;
}
