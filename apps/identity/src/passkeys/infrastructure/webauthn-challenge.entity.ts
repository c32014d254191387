import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A WebAuthn challenge waiting for its answer: one per purpose and binding (the provider's
 * session for a registration, the interaction for a sign-in), replaced by a newer one, used
 * once, refused after it expires. A second factor's row also names the account whose password
 * was right.
 */
@Entity({ name: 'webauthn_challenges' })
export class WebauthnChallengeEntity {
  /** `register`, `sign-in` or `second-factor`. */
  @PrimaryColumn({ type: 'text' })
  purpose: string;

  @PrimaryColumn({ type: 'text' })
  binding: string;

  @Column({ type: 'text' })
  challenge: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
