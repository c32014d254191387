import type { Share } from './shares.js';

/** The complete set of a work's shares in force from `effectiveFrom` until the next version. */
export interface ShareVersion {
  effectiveFrom: Date;
  shares: readonly Share[];
}

/**
 * A work's shares over time. Each version replaces the previous one from its effective
 * instant; history is only appended, so statements for past periods never change.
 */
export class ShareHistory {
  readonly versions: readonly ShareVersion[];

  constructor(versions: readonly ShareVersion[]) {
    this.versions = [...versions].sort(
      (a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime(),
    );
  }

  /** The shares in force at `at` (none before the first version). */
  asOf(at: Date): readonly Share[] {
    let current: readonly Share[] = [];
    for (const version of this.versions) {
      if (version.effectiveFrom.getTime() > at.getTime()) break;
      current = version.shares;
    }
    return current;
  }

  holdersAt(at: Date): Set<string> {
    return new Set(this.asOf(at).map((share) => share.holderId));
  }

  get latest(): ShareVersion | undefined {
    return this.versions[this.versions.length - 1];
  }

  /** Why `version` cannot follow this history, or undefined when it can. */
  problemWith(version: ShareVersion): string | undefined {
    const latest = this.latest;
    if (latest && version.effectiveFrom.getTime() <= latest.effectiveFrom.getTime()) {
      return `effectiveFrom must be after ${latest.effectiveFrom.toISOString()}, when the current shares took effect`;
    }
    return undefined;
  }
}
