import { defineErrors } from '../common/errors.js';

export const AuthErrors = defineErrors({
  INVALID_CREDENTIALS: { status: 401, title: 'Wrong username or password' },
  INVALID_TOKEN: { status: 401, title: 'The access token is missing, expired or invalid' },
  INVALID_API_KEY: { status: 401, title: 'The API key is not valid' },
  LOGIN_THROTTLED: { status: 429, title: 'Too many failed logins for this username; try again later' },
  ROUTE_ROLES_MISSING: { status: 403, title: 'This endpoint declares no roles and is closed' },
  USERNAME_TAKEN: { status: 409, title: 'This username is taken' },
});
