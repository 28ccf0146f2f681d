import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { services } from '../catalog/catalog.tables.ts';
import { serviceRequests } from '../requests/requests.tables.ts';

/**
 * A parent request's copy of its service's workflow, made when the parent is filed, so a later edit
 * of the service never changes a workflow under way. A step's child request is opened once every
 * step it depends on is done; `childRequestId` is null until then.
 */
export const requestWorkflowSteps = pgTable(
  'request_workflow_steps',
  {
    parentRequestId: uuid('parent_request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    stepKey: text('step_key').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    dependsOn: text('depends_on').array().notNull().default([]),
    childRequestId: uuid('child_request_id').references(() => serviceRequests.id),
  },
  (table) => [
    primaryKey({ columns: [table.parentRequestId, table.stepKey] }),
    index('request_workflow_steps_child_idx').on(table.childRequestId),
  ],
);
