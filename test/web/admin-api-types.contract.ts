import type { z } from 'zod';
import type { apiTokenView, issuedTokenView, createTokenBody, tokenScope } from '../../server/modules/auth/auth.schema.ts';
import type { calendarDetailView, calendarView, closureBody, createCalendarBody, updateCalendarBody } from '../../server/modules/calendars/calendars.schema.ts';
import type { createServiceBody, serviceView, updateServiceBody } from '../../server/modules/catalog/catalog.schema.ts';
import type { importResult } from '../../server/modules/people/people-import.schema.ts';
import type { createPersonBody, createTeamBody, personDetailView, personView, teamDetailView, teamView, updatePersonBody } from '../../server/modules/people/people.schema.ts';
import type { agreementView, createPolicyBody, policyView, proposeAgreementBody, updatePolicyBody } from '../../server/modules/sla/sla.schema.ts';
import type { connectionView, createConnectionBody } from '../../server/modules/channels/apps/connections.schema.ts';
import type { inboundMessageView } from '../../server/modules/channels/email/inbound-mail.schema.ts';
import type { outboxPage } from '../../server/modules/channels/email/outbound/outbox.schema.ts';
import type { teamMailBody, teamMailView } from '../../server/modules/channels/email/team-mail.schema.ts';
import type { createInboundWebhookBody, inboundWebhookView, inboundWebhookWithSecret } from '../../server/modules/integrations/inbound-webhooks.schema.ts';
import type { createWebhookBody, deliveryView, webhookView, webhookWithSecret } from '../../server/modules/integrations/webhooks.schema.ts';
import type * as Channels from '../../web/src/admin/api/channel-types.ts';
import type * as Admin from '../../web/src/admin/api/types.ts';
import type { CalendarInput, ClosureInput } from '../../web/src/admin/api/calendars.ts';
import type { PolicyInput, ProposalInput } from '../../web/src/admin/api/sla.ts';

// No test runs here: `tsc` checks it. The admin console's hand-written API types
// (web/src/admin/api/types.ts) must accept what the server answers, and what the console sends must
// be what the server's body schemas take; a server change that breaks either stops this compiling.

type Fits<Server, Client> = [Server] extends [Client] ? true : false;
type Out<Schema extends z.ZodType> = z.output<Schema>;
type In<Schema extends z.ZodType> = z.input<Schema>;

// Form fields are typed loosely in the response schema; the console uses the engine's FormField (see api-types.contract.ts).
type ServiceWithoutForm = Omit<Out<typeof serviceView>, 'form'>;

export const adminContract = {
  service: true satisfies Fits<ServiceWithoutForm, Omit<Admin.ManagedService, 'form'>>,
  serviceCreate: true satisfies Fits<Admin.ServiceBody, In<typeof createServiceBody>>,
  serviceUpdate: true satisfies Fits<Partial<Admin.ServiceBody> & { version: number }, In<typeof updateServiceBody>>,
  team: true satisfies Fits<Out<typeof teamView>, Admin.Team>,
  teamDetail: true satisfies Fits<Out<typeof teamDetailView>, Admin.TeamDetail>,
  teamBody: true satisfies Fits<Admin.TeamBody, In<typeof createTeamBody>>,
  person: true satisfies Fits<Out<typeof personView>, Admin.DirectoryPerson>,
  personDetail: true satisfies Fits<Out<typeof personDetailView>, Admin.DirectoryPersonDetail>,
  personCreate: true satisfies Fits<Admin.PersonBody, In<typeof createPersonBody>>,
  personUpdate: true satisfies Fits<Admin.PersonBody, In<typeof updatePersonBody>>,
  importSummary: true satisfies Fits<Out<typeof importResult>, Admin.ImportSummary>,
  policy: true satisfies Fits<Out<typeof policyView>, Admin.SlaPolicy>,
  policyCreate: true satisfies Fits<PolicyInput, In<typeof createPolicyBody>>,
  policyUpdate: true satisfies Fits<Omit<PolicyInput, 'team'>, In<typeof updatePolicyBody>>,
  agreement: true satisfies Fits<Out<typeof agreementView>, Admin.Agreement>,
  proposal: true satisfies Fits<ProposalInput, In<typeof proposeAgreementBody>>,
  calendar: true satisfies Fits<Out<typeof calendarView>, Admin.Calendar>,
  calendarDetail: true satisfies Fits<Out<typeof calendarDetailView>, Admin.CalendarDetail>,
  calendarCreate: true satisfies Fits<CalendarInput, In<typeof createCalendarBody>>,
  calendarUpdate: true satisfies Fits<{ name: string; timeZone: string; weekly: Admin.WeeklyInterval[] }, In<typeof updateCalendarBody>>,
  closure: true satisfies Fits<ClosureInput, In<typeof closureBody>>,
  token: true satisfies Fits<Out<typeof apiTokenView>, Admin.ApiToken>,
  issuedToken: true satisfies Fits<Out<typeof issuedTokenView>, Admin.IssuedToken>,
  tokenCreate: true satisfies Fits<{ name: string; scopes: Admin.TokenScope[] }, In<typeof createTokenBody>>,
  // The console offers exactly the server's scopes: none it would refuse, none missing.
  tokenScopes: true satisfies Fits<Out<typeof tokenScope>, Admin.TokenScope>,
  tokenScopesBack: true satisfies Fits<Admin.TokenScope, In<typeof tokenScope>>,
  teamMail: true satisfies Fits<Out<typeof teamMailView>, Channels.TeamMail>,
  teamMailPut: true satisfies Fits<Channels.TeamMailBody, In<typeof teamMailBody>>,
  inboundMessage: true satisfies Fits<Out<typeof inboundMessageView>, Channels.InboundMessage>,
  outbox: true satisfies Fits<Out<typeof outboxPage>, Channels.OutboxPage>,
  connection: true satisfies Fits<Out<typeof connectionView>, Channels.Connection>,
  connectionCreate: true satisfies Fits<Channels.ConnectionBody, In<typeof createConnectionBody>>,
  webhook: true satisfies Fits<Out<typeof webhookView>, Channels.Webhook>,
  webhookCreated: true satisfies Fits<Out<typeof webhookWithSecret>, Channels.Webhook & { secret: string }>,
  webhookCreate: true satisfies Fits<Channels.WebhookBody, In<typeof createWebhookBody>>,
  delivery: true satisfies Fits<Out<typeof deliveryView>, Channels.Delivery>,
  inboundHook: true satisfies Fits<Out<typeof inboundWebhookView>, Channels.InboundHook>,
  inboundHookCreated: true satisfies Fits<Out<typeof inboundWebhookWithSecret>, Channels.InboundHook & { secret: string }>,
  inboundHookCreate: true satisfies Fits<Channels.InboundHookBody, In<typeof createInboundWebhookBody>>,
};
