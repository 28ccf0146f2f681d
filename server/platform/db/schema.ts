// Every table Hallway owns, for Drizzle (queries) and drizzle-kit (migration generation).
export * from '../../modules/people/people.tables.ts';
export * from '../../modules/requests/requests.tables.ts';
export * from '../auth/auth.tables.ts';
export * from '../http/idempotency.tables.ts';
export * from '../../modules/calendars/calendars.tables.ts';
export * from '../../modules/catalog/catalog.tables.ts';
export * from '../../modules/sla/sla.tables.ts';
export * from '../../modules/workflows/workflows.tables.ts';
export * from '../jobs/timers.tables.ts';
export * from '../../modules/attachments/attachments.tables.ts';
export * from '../../modules/knowledge/knowledge.tables.ts';
export * from '../../modules/channels/email/mail.tables.ts';
export * from '../../modules/channels/email/outbound/outbound.tables.ts';
export * from '../../modules/channels/chat/chat.tables.ts';
export * from '../../modules/channels/apps/apps.tables.ts';
export * from '../../modules/integrations/integrations.tables.ts';
