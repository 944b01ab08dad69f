import { Param, ParseUUIDPipe } from '@nestjs/common';
import { invalid } from './errors.js';

/** A UUID path parameter; anything else is a 400 naming the parameter. */
export const UuidParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalid(name, 'INVALID_UUID', `${name} must be a UUID`) }));
