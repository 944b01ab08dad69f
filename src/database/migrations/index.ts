import { Foundation1764230400000 } from './1764230400000-foundation.js';

/** In order. Listed explicitly: an ES-module build has no reliable glob loading. */
export const MIGRATIONS = [Foundation1764230400000];
