import type { ComponentType } from 'react';
import type { Me } from '../api/types.ts';

/** One entry of the navigation: each area (portal, desk, admin) lists its own, shown to whom it serves. */
export interface AreaLink {
  to: string;
  label: string;
  active: (path: string) => boolean;
  visibleTo: (me: Me) => boolean;
  /** Shown at the link's end, e.g. how many things wait there; it reads its own data. */
  badge?: ComponentType;
}

export const isAgent = (me: Me): boolean => me.memberships.length > 0;
export const isLeadOrAdmin = (me: Me): boolean => me.isAdmin || me.memberships.some((m) => m.role === 'lead');
