export { activeExemptions, conformanceOf } from './conformance';
export { deriveReference } from './derive';
export type { ProposalEvidence, ProposedUpgrade, ReferenceProposal } from './derive';
export { diffReferences } from './diff';
export type { ReferenceChange } from './diff';
