import type { z } from 'zod';
import type { meView, signedInView } from '../../server/modules/auth/auth.schema.ts';
import type { availabilityResult } from '../../server/modules/calendars/calendars.schema.ts';
import type { serviceView } from '../../server/modules/catalog/catalog.schema.ts';
import type { intakeView } from '../../server/modules/catalog/request-work.schema.ts';
import type { FormField as ServerFormField } from '../../server/modules/catalog/intake-form.schema.ts';
import type { personView } from '../../server/modules/people/people.schema.ts';
import type { requestDetailView, requestView } from '../../server/modules/requests/requests.schema.ts';
import type { expectedWaitView } from '../../server/modules/sla/sla.schema.ts';
import type { commentResult } from '../../server/modules/requests/requests.schema.ts';
import type { approvalView } from '../../server/modules/catalog/request-work.schema.ts';
import type { bulkResultItem, queueCounts } from '../../server/modules/requests/requests.queue.schema.ts';
import type { personDetailView } from '../../server/modules/people/people.schema.ts';
import type { calendarDetailView, calendarView } from '../../server/modules/calendars/calendars.schema.ts';
import type * as Web from '../../web/src/api/types.ts';

// No test runs here: `tsc` checks it (npm test type-checks first). The web app's hand-written API
// types (web/src/api/types.ts) must accept what the server's response schemas produce; when a
// server change breaks that, this file stops compiling and names the endpoint.

type Fits<Server, Client> = [Server] extends [Client] ? true : false;
type Out<Schema extends z.ZodType> = z.output<Schema>;

// A service's form fields are typed loosely in the response schema (looseObject); the stored form
// is the engine's FormField, which is the type the web app uses for them.
type ServiceWithoutForm = Omit<Out<typeof serviceView>, 'form'>;

export const contract = {
  me: true satisfies Fits<Out<typeof meView>, Web.Me>,
  signedIn: true satisfies Fits<Out<typeof signedInView>, Web.SignedIn>,
  service: true satisfies Fits<ServiceWithoutForm, Omit<Web.Service, 'form'>>,
  formField: true satisfies Fits<ServerFormField, Web.FormField>,
  expectedWait: true satisfies Fits<Out<typeof expectedWaitView>, Web.ExpectedWait>,
  availability: true satisfies Fits<Out<typeof availabilityResult>, Web.Availability>,
  person: true satisfies Fits<Out<typeof personView>, Web.Person>,
  request: true satisfies Fits<Out<typeof requestView>, Web.RequestSummary>,
  requestDetail: true satisfies Fits<Out<typeof requestDetailView>, Web.RequestDetail>,
  requestAnswers: true satisfies Fits<Out<typeof intakeView>, Web.RequestAnswers>,
  approval: true satisfies Fits<Out<typeof approvalView>, Web.Approval>,
  personDetail: true satisfies Fits<Out<typeof personDetailView>, Web.PersonDetail>,
  calendar: true satisfies Fits<Out<typeof calendarView>, Web.Calendar>,
  calendarDetail: true satisfies Fits<Out<typeof calendarDetailView>, Web.CalendarDetail>,
  commentResult: true satisfies Fits<Out<typeof commentResult>, Web.CommentResult>,
  queueCounts: true satisfies Fits<Out<typeof queueCounts>, Web.QueueCounts>,
  bulkResult: true satisfies Fits<Out<typeof bulkResultItem>, Web.BulkResult>,
};
