import { defineErrors } from '../common/errors.js';

export const AuthErrors = defineErrors({
  INVALID_CREDENTIALS: { status: 401, title: 'Wrong username or password' },
  INVALID_TOKEN: { status: 401, title: 'The access token is missing, expired or invalid' },
  INVALID_API_KEY: { status: 401, title: 'The API key is not valid' },
  LOGIN_THROTTLED: { status: 429, title: 'Too many failed logins; try again later' },
  RATE_LIMITED: { status: 429, title: 'Too many requests; try again later' },
  WRONG_CURRENT_PASSWORD: { status: 403, title: 'The current password is wrong' },
  CANNOT_DISABLE_SELF: { status: 409, title: 'An administrator cannot disable their own account' },
  LAST_ENABLED_ADMIN: { status: 409, title: 'The last enabled ADMIN cannot be disabled' },
  ROUTE_ROLES_MISSING: { status: 403, title: 'This endpoint declares no roles and is closed' },
  USERNAME_TAKEN: { status: 409, title: 'This username is taken' },
});
