import type { Queryable } from '../../platform/db/database.ts';
import * as store from './people.store.ts';

// What other modules may ask of the directory. They never read the people tables themselves.
export type { PersonRow, TeamRow } from './people.store.ts';

export const findTeamBySlug = (db: Queryable, slug: string) => store.selectTeamBySlug(db, slug);
export const findTeamById = (db: Queryable, id: string) => store.selectTeamById(db, id);
export const findPersonById = (db: Queryable, id: string) => store.selectPersonById(db, id);
export const findPersonByEmail = (db: Queryable, email: string) => store.selectPersonByEmail(db, email);
