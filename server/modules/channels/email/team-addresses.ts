import type { Queryable } from '../../../platform/db/database.ts';
import { selectAllMailSettings, selectMailSettingsByAddress, type TeamMailSettingsRow } from './inbound.store.ts';

/**
 * The team address an envelope recipient is for: lower-cased, with any "+tag" of its local part
 * removed, so `IT+r-abc@corp.example` reaches the team whose address is `it@corp.example`.
 * Null for something that is not an address.
 */
export function baseAddress(recipient: string): string | null {
  const address = recipient.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${address.slice(at)}`;
}

/** The mail settings of the team this recipient reaches, or undefined when it is no team's address. */
export async function teamForRecipient(db: Queryable, recipient: string): Promise<TeamMailSettingsRow | undefined> {
  const address = baseAddress(recipient);
  return address ? selectMailSettingsByAddress(db, address) : undefined;
}

/** The domains of every team address: a plus-address there carries one of our reply tokens. */
export async function ourMailDomains(db: Queryable): Promise<string[]> {
  const domains = (await selectAllMailSettings(db)).map((settings) => settings.inboundAddress.slice(settings.inboundAddress.lastIndexOf('@') + 1));
  return [...new Set(domains)];
}

/** Each team's inbound address by team id, for the teams list (`GET /api/v1/teams`). */
export async function inboundAddressesOfTeams(db: Queryable): Promise<Map<string, string>> {
  return new Map((await selectAllMailSettings(db)).map((settings) => [settings.teamId, settings.inboundAddress]));
}
