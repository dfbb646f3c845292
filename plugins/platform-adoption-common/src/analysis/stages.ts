/**
 * How far a platform has come in an org unit, from the first experiment to
 * the enterprise standard.
 */
export type AdoptionStage =
  | 'none'
  | 'exploring'
  | 'first-team'
  | 'multi-team'
  | 'standardizing'
  | 'enterprise-standard';

export const ADOPTION_STAGES: AdoptionStage[] = [
  'exploring',
  'first-team',
  'multi-team',
  'standardizing',
  'enterprise-standard',
];

export interface StageInput {
  production: number;
  nonProduction: number;
  productionTeams: number;
  referencePublished: boolean;
  /** Conforming production deployments, when a reference is published. */
  conforming?: number;
}

export interface StageThresholds {
  /** Share of conforming production deployments for the enterprise standard. */
  enterpriseStandardConformance: number;
}

export const DEFAULT_STAGE_THRESHOLDS: StageThresholds = { enterpriseStandardConformance: 0.8 };

export interface StageAssessment {
  stage: AdoptionStage;
  /** The numbers that put it there, in words. */
  because: string;
  conformance?: number;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The stage and the sentence that justifies it. */
export function adoptionStage(
  input: StageInput,
  thresholds: StageThresholds = DEFAULT_STAGE_THRESHOLDS,
): StageAssessment {
  const { production, nonProduction, productionTeams } = input;
  if (production === 0) {
    return nonProduction === 0
      ? { stage: 'none', because: 'no deployments found' }
      : { stage: 'exploring', because: `${count(nonProduction, 'non-production deployment')}, none in production` };
  }
  if (productionTeams <= 1) {
    return {
      stage: 'first-team',
      because: `${count(production, 'production deployment')}, ${production === 1 ? 'owned' : 'all owned'} by one team`,
    };
  }
  if (!input.referencePublished) {
    return {
      stage: 'multi-team',
      because: `${productionTeams} teams run ${production} production deployments; no reference architecture is published`,
    };
  }
  const conformance = (input.conforming ?? 0) / production;
  const percent = Math.round(conformance * 100);
  const threshold = Math.round(thresholds.enterpriseStandardConformance * 100);
  if (conformance >= thresholds.enterpriseStandardConformance) {
    return {
      stage: 'enterprise-standard',
      because: `${input.conforming} of ${production} production deployments (${percent}%) conform to the reference; the threshold is ${threshold}%`,
      conformance,
    };
  }
  return {
    stage: 'standardizing',
    because: `${input.conforming ?? 0} of ${production} production deployments (${percent}%) conform to the reference; ${threshold}% makes it the enterprise standard`,
    conformance,
  };
}
