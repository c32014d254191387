/** Kinds of work the clearinghouse licenses. */
export enum WorkCategory {
  MUSIC = 'MUSIC',
  FILM = 'FILM',
  TV_PROGRAM = 'TV_PROGRAM',
  GAME = 'GAME',
  MANGA = 'MANGA',
  BOOK = 'BOOK',
  UGC = 'UGC',
}

/** How a platform uses a work. */
export enum UseType {
  STREAM = 'STREAM',
  DOWNLOAD = 'DOWNLOAD',
  BROADCAST = 'BROADCAST',
  SNS_POST = 'SNS_POST',
  VIDEO_POST = 'VIDEO_POST',
  ONLINE_READING = 'ONLINE_READING',
  PUBLIC_PERFORMANCE = 'PUBLIC_PERFORMANCE',
}

/** The right a share is held in. */
export enum RightType {
  PERFORMANCE = 'PERFORMANCE',
  REPRODUCTION = 'REPRODUCTION',
  MAKING_AVAILABLE = 'MAKING_AVAILABLE',
}

export enum PartyKind {
  RIGHT_HOLDER = 'RIGHT_HOLDER',
  PLATFORM = 'PLATFORM',
  SOCIETY = 'SOCIETY',
}

export enum IdentifierScheme {
  ISWC = 'ISWC',
  ISRC = 'ISRC',
  ISAN = 'ISAN',
  ISBN = 'ISBN',
  PROPRIETARY = 'PROPRIETARY',
}

export enum OptOutScope {
  WORK = 'WORK',
  ALL_WORKS = 'ALL_WORKS',
}

export enum Decision {
  GRANTED_ECL = 'GRANTED_ECL',
  GRANTED_ECL_UNIDENTIFIED = 'GRANTED_ECL_UNIDENTIFIED',
  DENIED_OPTED_OUT = 'DENIED_OPTED_OUT',
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
  PENDING = 'PENDING',
}

/** Who a caller is (DESIGN.md, "Roles"); anonymous callers have none. */
export enum Role {
  OPERATOR = 'OPERATOR',
  SOCIETY_ADMIN = 'SOCIETY_ADMIN',
  RIGHT_HOLDER = 'RIGHT_HOLDER',
  PLATFORM = 'PLATFORM',
}
