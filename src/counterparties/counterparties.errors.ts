import { defineErrors } from '../common/errors.js';

export const CounterpartyErrors = defineErrors({
  ROSTER_SCHEMA_RETYPES_VALUES: {
    status: 409,
    title: 'The schema change would leave stored attribute values of another type; add a new attribute instead',
  },
  ROSTER_SCHEMA_IN_USE: { status: 409, title: "A programme's rules or limit formula use an attribute the new schema drops or retypes" },
});
