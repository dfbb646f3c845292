import { ScannedDeployment } from './scanDirectory';

/**
 * A result of analysing the fleet (a snowflake, a positive deviant, a
 * deviation from the reference architecture). Its shape comes with the
 * analysis.
 */
export type Finding = never;

/**
 * Where the fleet analysis plugs into the CLI: it will take the deployments
 * of one scan and return its findings, for the `findings` of the report.
 * Until the analysis exists the list is empty, and says so honestly.
 */
export function analyseFleet(
  _deployments: readonly ScannedDeployment[],
): Finding[] {
  return [];
}
