/** Every demo account signs in with this password (the README and the launcher print it). */
export const DEMO_PASSWORD = 'tradematch-demo';

/** The demo's platform admin, whom `npm start` and `npm run seed` create with DEMO_PASSWORD. */
export const DEMO_ADMIN_EMAIL = 'admin@trade-match.demo';
