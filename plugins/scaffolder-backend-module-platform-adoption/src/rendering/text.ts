import { stringify } from 'yaml';
import { GoldenPathEnvironment } from './types';

/** An HCL string literal: JSON escaping plus HCL's own template sequences. */
export function hcl(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** YAML documents joined with `---`, each from a plain object. */
export function yamlDocuments(...documents: object[]): string {
  return documents.map(d => stringify(d, { lineWidth: 0 })).join('---\n');
}

/** A header comment naming what rendered the file. */
export function header(
  comment: '#' | '//',
  referenceTag: string,
  what: string,
): string {
  return [
    `${comment} ${what}`,
    `${comment} Rendered by the platform-adoption golden path from reference architecture ${referenceTag}.`,
    `${comment} Every value the reference requires is written out, so a scan can verify conformance.`,
    '',
  ].join('\n');
}

/** The short environment word for names: `prod`, `staging`, `dev`. */
export function shortEnvironment(environment: GoldenPathEnvironment): string {
  return { production: 'prod', staging: 'staging', development: 'dev' }[
    environment
  ];
}
