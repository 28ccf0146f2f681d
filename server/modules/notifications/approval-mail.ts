import type { Db, Queryable } from '../../platform/db/database.ts';
import { linkTo } from '../../platform/http/public-url.ts';
import { APPROVAL_LINK_LIFETIME_MS, approvalLinkPair } from '../catalog/approval-links.ts';
import { approvalLinkSecret, pendingApprovalDeciders } from '../catalog/approvals.service.ts';
import { findPersonById, findTeamById } from '../people/people.service.ts';
import type { RequestRow } from '../requests/requests.store.ts';
import { composeApproval } from './compose/approval.ts';
import { whenInZone } from './compose/mail-layout.ts';
import { activeLeadIds } from './team-leads.ts';
import { queueNotification } from './queue-notification.ts';

/**
 * Asks whoever may decide the request's pending approvals, by mail with one-click links (signed,
 * expiring, naming the person: approval-links.ts). A link opens the web app's page, which POSTs
 * the token only when the person confirms there: mail scanners fetch every link, so opening one
 * decides nothing. One mail per approval and person, however often this runs (the dedupe key).
 */
export async function queueApprovalRequests(tx: Queryable, request: RequestRow, now = new Date()): Promise<void> {
  const deciders = await pendingApprovalDeciders(tx, request);
  if (deciders.length === 0) return;
  // The transaction runs the secret's insert-or-read like the database would (its type only differs in
  // relational-query metadata, which serverSecret does not use); a secret made here commits with the mail.
  const secret = await approvalLinkSecret(tx as Db);
  const requesterName = (await findPersonById(tx, request.requesterId))?.name ?? 'Someone';
  for (const decider of deciders) {
    let personIds: string[];
    let role: string;
    if ('personId' in decider) {
      personIds = [decider.personId];
      role = 'as its approver';
    } else {
      personIds = (await activeLeadIds(tx, decider.leadsOfTeamId)).filter((id) => id !== request.requesterId);
      role = `as a lead of ${(await findTeamById(tx, decider.leadsOfTeamId))?.name ?? 'the team'}`;
    }
    for (const personId of personIds) {
      const links = approvalLinkPair(secret, decider.approvalId, personId, now);
      const expiresAt = new Date(now.getTime() + APPROVAL_LINK_LIFETIME_MS);
      await queueNotification(tx, {
        kind: 'approval',
        request,
        recipientId: personId,
        about: decider.approvalId,
        requestPath: '/approvals',
        compose: ({ recipient, request: facts }) =>
          composeApproval({
            request: facts,
            requesterName,
            role,
            // In the fragment: it never reaches a server's access log, and the page reads it there.
            approveUrl: linkTo(`/approvals/decide#${links.approve}`),
            rejectUrl: linkTo(`/approvals/decide#${links.reject}`),
            approvalsUrl: linkTo('/approvals'),
            expiresAt: whenInZone(expiresAt, recipient.timeZone),
          }),
      });
    }
  }
}
