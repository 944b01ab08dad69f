import { defineErrors } from '../common/errors.js';

export const ClockErrors = defineErrors({
  CLOCK_NOT_SIMULATED: { status: 409, title: 'The service runs on the real clock (CLOCK=real): its date cannot be set' },
  CLOCK_BACKWARDS: { status: 409, title: 'The business date only moves forward' },
});
