import { FacetRequirement } from '../analysis/types';

/** One facet of a reference architecture: what is allowed, and why. */
export interface ReferenceFacet {
  requirement: FacetRequirement;
  rationale?: string;
}

/** An approved alternative, e.g. "sharded, for tick data": its requirements replace the base ones. */
export interface ReferenceVariant {
  id: string;
  title: string;
  description?: string;
  facets: Record<string, FacetRequirement>;
}

/** @public */
export type PracticeKind = 'backup' | 'monitoring' | 'identity' | 'playbook' | 'other';

/** How the standard is operated: backup and restore, monitoring, identity, playbooks. */
export interface ReferencePractice {
  kind: PracticeKind;
  title: string;
  url?: string;
  description?: string;
}

/** What a CoE writes: the same in a draft and in a published version. */
export interface ReferenceArchitectureContent {
  title: string;
  rationale: string;
  /** The CoE group that owns the standard. */
  ownerRef: string;
  facets: Record<string, ReferenceFacet>;
  variants: ReferenceVariant[];
  practices: ReferencePractice[];
}

/** An editable draft; at most one per platform. */
export interface ReferenceArchitectureDraft extends ReferenceArchitectureContent {
  platform: string;
  /** The published version the draft started from, if any. */
  basedOnVersion?: number;
  updatedAt: string;
  updatedBy: string;
}

/** A published, immutable, numbered version. The latest unretired one is the standard. */
export interface ReferenceArchitectureVersion extends ReferenceArchitectureContent {
  platform: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  retiredAt?: string;
  retiredBy?: string;
}

/** Leave to deviate from one facet of the standard, until a date. */
export interface Exemption {
  id: string;
  platform: string;
  deploymentId: string;
  facet: string;
  justification: string;
  author: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  revokedBy?: string;
}

/** One way a deployment differs from the standard, and how to fix it. */
export interface ConformanceDifference {
  facet: string;
  /** The deployment's value; `unknown` when it could not be verified. */
  value: string | number | boolean;
  /** The requirement as people read it: "continuous", "one of scram, x509", ">=7.0". */
  required: string;
  fix: string;
  /** Where the value was found, when it was. */
  location?: string;
  /** Set when an active exemption covers this difference; it then does not count. */
  exemptionId?: string;
}

export interface DeploymentConformance {
  deploymentId: string;
  platform: string;
  version: number;
  conforming: boolean;
  /** The approved variant it conforms to, if not the base. */
  variant?: string;
  differences: ConformanceDifference[];
}

/** A standardization initiative: a target version, a scope and a deadline. */
export interface Campaign {
  id: string;
  platform: string;
  title: string;
  targetVersion: number;
  /** Org units in scope (sub-units included). */
  scope: string[];
  deadline: string;
  createdBy: string;
  createdAt: string;
  closedAt?: string;
}

/** Something a CoE member did, for the audit trail. */
export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}
