import { defineErrors } from '../common/errors.js';

export const CoreEnterpriseErrors = defineErrors({
  USCC_TAKEN: { status: 409, title: 'A core enterprise with this USCC exists already' },
});
