import { defineErrors } from '../common/errors.js';

export const CobErrors = defineErrors({
  COB_RUN_IN_PROGRESS: { status: 409, title: 'An end-of-day run is in progress; follow it at GET /cob-runs/{id}' },
  COB_DATE_NOT_OVER: { status: 422, title: 'The end of day can only run for dates that are over (before today)' },
});
