export { CompanyForm } from './company-form';
export { CompanyPage } from './company-page';
export { CompanyEditPage } from './edit-page';
