import type { EventDefinition } from '../event-definition.js';
import { BatchApproved } from './batch-approved/batch-approved.event.js';
import { BatchCalculated } from './batch-calculated/batch-calculated.event.js';
import { BatchClosed } from './batch-closed/batch-closed.event.js';
import { ClaimSettled } from './claim-settled/claim-settled.event.js';
import { LicenseGranted } from './license-granted/license-granted.event.js';
import { LicenseRevoked } from './license-revoked/license-revoked.event.js';
import { OptOutRegistered } from './opt-out-registered/opt-out-registered.event.js';
import { OptOutWithdrawn } from './opt-out-withdrawn/opt-out-withdrawn.event.js';
import { PartyMembershipChanged } from './party-membership-changed/party-membership-changed.event.js';
import { PartyRegistered } from './party-registered/party-registered.event.js';
import { PartyUpdated } from './party-updated/party-updated.event.js';
import { ReserveReleased } from './reserve-released/reserve-released.event.js';
import { SchemeDefined } from './scheme-defined/scheme-defined.event.js';
import { StatementAvailable } from './statement-available/statement-available.event.js';
import { UsageReportProcessed } from './usage-report-processed/usage-report-processed.event.js';
import { WorkDisputeOpened } from './work-dispute-opened/work-dispute-opened.event.js';
import { WorkDisputeResolved } from './work-dispute-resolved/work-dispute-resolved.event.js';
import { WorkRegistered } from './work-registered/work-registered.event.js';
import { WorkSharesChanged } from './work-shares-changed/work-shares-changed.event.js';
import { WorkUpdated } from './work-updated/work-updated.event.js';

export * from './batch-approved/batch-approved.event.js';
export * from './batch-calculated/batch-calculated.event.js';
export * from './batch-closed/batch-closed.event.js';
export * from './claim-settled/claim-settled.event.js';
export * from './license-granted/license-granted.event.js';
export * from './license-revoked/license-revoked.event.js';
export * from './opt-out-registered/opt-out-registered.event.js';
export * from './opt-out-withdrawn/opt-out-withdrawn.event.js';
export * from './party-membership-changed/party-membership-changed.event.js';
export * from './party-registered/party-registered.event.js';
export * from './party-updated/party-updated.event.js';
export * from './reserve-released/reserve-released.event.js';
export * from './scheme-defined/scheme-defined.event.js';
export * from './shared/nested.js';
export * from './statement-available/statement-available.event.js';
export * from './usage-report-processed/usage-report-processed.event.js';
export * from './work-dispute-opened/work-dispute-opened.event.js';
export * from './work-dispute-resolved/work-dispute-resolved.event.js';
export * from './work-registered/work-registered.event.js';
export * from './work-shares-changed/work-shares-changed.event.js';
export * from './work-updated/work-updated.event.js';

/** Every event of the system (DESIGN.md, "Events"). */
export const ALL_EVENTS: readonly EventDefinition[] = [
  PartyRegistered,
  PartyUpdated,
  PartyMembershipChanged,
  WorkRegistered,
  WorkUpdated,
  WorkSharesChanged,
  WorkDisputeOpened,
  WorkDisputeResolved,
  OptOutRegistered,
  OptOutWithdrawn,
  SchemeDefined,
  LicenseGranted,
  LicenseRevoked,
  BatchCalculated,
  BatchApproved,
  BatchClosed,
  ReserveReleased,
  ClaimSettled,
  StatementAvailable,
  UsageReportProcessed,
] as EventDefinition[];
