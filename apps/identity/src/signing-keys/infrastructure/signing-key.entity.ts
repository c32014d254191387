import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A key pair that signs the provider's tokens. The public half is stored as it is published;
 * the private JWK only sealed (AES-256-GCM, see KeySealer), never in clear text.
 */
@Entity({ name: 'signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn({ type: 'text' })
  kid: string;

  @Column({ type: 'text' })
  alg: string;

  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk: Record<string, string>;

  @Column({ name: 'sealed_private_jwk', type: 'text' })
  sealedPrivateJwk: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When a newer key took over signing; the key stays published for a while after. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
