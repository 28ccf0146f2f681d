import type { Actor } from '../../../platform/auth/actor.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import { AppError, fieldError } from '../../../platform/http/errors.ts';
import { requireTeam } from '../../people/teams.service.ts';
import { selectMailSettingsByAddress, selectMailSettingsByTeam, upsertMailSettings, type TeamMailSettingsRow } from './inbound.store.ts';
import type { TeamMailBody, TeamMailView } from './team-mail.schema.ts';

// A team's mail intake settings, for admins: its address, the rule for strangers, its IMAP mailbox.

const addressTaken = () => fieldError('body.inboundAddress', 'is already the address of another team', 'MAIL_ADDRESS_TAKEN');

function requireAdmin(actor: Pick<Actor, 'isAdmin'>): void {
  if (!actor.isAdmin) throw new AppError('FORBIDDEN', "Only admins see and change a team's mail settings");
}

function present(row: TeamMailSettingsRow): TeamMailView {
  const imap =
    row.imapHost && row.imapPort && row.imapUser && row.imapPasswordEnv
      ? {
          enabled: row.imapEnabled,
          host: row.imapHost,
          port: row.imapPort,
          tls: row.imapTls,
          user: row.imapUser,
          passwordEnv: row.imapPasswordEnv,
          mailbox: row.imapMailbox,
          polledAt: row.imapPolledAt?.toISOString() ?? null,
          lastError: row.imapLastError,
        }
      : null;
  return { inboundAddress: row.inboundAddress, unknownSenderRule: row.unknownSenderRule, imap };
}

export async function getTeamMail(db: Queryable, actor: Actor, slug: string): Promise<TeamMailView> {
  requireAdmin(actor);
  const team = await requireTeam(db, slug);
  const row = await selectMailSettingsByTeam(db, team.id);
  if (!row) throw new AppError('NOT_FOUND', `${team.name} receives no mail yet`);
  return present(row);
}

export async function setTeamMail(db: Queryable, actor: Actor, slug: string, body: TeamMailBody): Promise<TeamMailView> {
  requireAdmin(actor);
  const team = await requireTeam(db, slug);
  const owner = await selectMailSettingsByAddress(db, body.inboundAddress);
  if (owner && owner.teamId !== team.id) throw addressTaken();
  const imap = body.imap;
  try {
    await db.transaction((tx) =>
      upsertMailSettings(tx, {
        teamId: team.id,
        inboundAddress: body.inboundAddress,
        unknownSenderRule: body.unknownSenderRule,
        imapEnabled: imap?.enabled ?? false,
        imapHost: imap?.host ?? null,
        imapPort: imap?.port ?? null,
        imapTls: imap?.tls ?? true,
        imapUser: imap?.user ?? null,
        imapPasswordEnv: imap?.passwordEnv ?? null,
        imapMailbox: imap?.mailbox ?? 'INBOX',
      }),
    );
  } catch (error) {
    // Another team took the address between the check and the write.
    for (let current: unknown = error; current instanceof Error; current = current.cause) {
      if ((current as { code?: string }).code === '23505') throw addressTaken();
    }
    throw error;
  }
  return present((await selectMailSettingsByTeam(db, team.id))!);
}
