import type { InvitationEntity } from '../infrastructure/invitation.entity.js';

/** An invitation as the API shows it (never its link or token). */
export interface InvitationView {
  id: string;
  email: string;
  role: string;
  party: { id: string; name: string | null; kind: string | null } | null;
  status: 'PENDING' | 'ACCEPTED' | 'WITHDRAWN' | 'EXPIRED';
  expiresAt: string;
  createdAt: string;
}

export function invitationView(invitation: InvitationEntity, now = new Date()): InvitationView {
  const status = invitation.acceptedAt
    ? 'ACCEPTED'
    : invitation.withdrawnAt
      ? 'WITHDRAWN'
      : invitation.expiresAt <= now
        ? 'EXPIRED'
        : 'PENDING';
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    party: invitation.partyId
      ? { id: invitation.partyId, name: invitation.partyName, kind: invitation.partyKind }
      : null,
    status,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  };
}
