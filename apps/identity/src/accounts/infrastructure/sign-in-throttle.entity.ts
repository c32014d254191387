import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Recent failed sign-ins of one key: an address typed on the sign-in page or a client's network
 * address, each kept as a SHA-256 only (whether an account has that address plays no part).
 */
@Entity({ name: 'sign_in_throttles' })
export class SignInThrottleEntity {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'int' })
  failures: number;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
