import { CompanyMember } from '../companies/company-member.entity';
import { Company } from '../companies/company.entity';
import { User } from '../users/user.entity';

/** Every entity of the schema; the DataSource and the migration check use this one list. */
export const ENTITIES = [User, Company, CompanyMember];
