import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's account: an address (normalized, unique) and a password hash, never the password. */
@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Normalized (see normalizeEmail): the one spelling an account is found by. */
  @Column({ type: 'text', unique: true })
  email: string;

  /** `scrypt$N$r$p$salt$key`: parameters and salt stored with the hash. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /** The language its mail is written in (`ja` or `en`). */
  @Column({ type: 'text' })
  language: string;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt: Date;

  /** Whether a sign-in with the password also asks for one of the account's passkeys. */
  @Column({ name: 'passkey_second_factor', type: 'boolean', default: false })
  passkeySecondFactor: boolean;
}
