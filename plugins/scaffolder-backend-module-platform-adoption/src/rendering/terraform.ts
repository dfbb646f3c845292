import { text } from './capabilities';
import { hcl, header } from './text';
import { FacetCapability, FormRenderInput, RenderedFile } from './types';

/**
 * The AWS region of a Terraform form: what the person asked for, else the
 * region the reference allows, else London.
 */
export function awsRegion(): FacetCapability {
  return text({
    pattern: /^[a-z]{2}(-gov)?-[a-z]+-\d$/,
    requested: ({ request }) => request.region?.trim().toLowerCase(),
    fallback: () => 'eu-west-2',
  });
}

/**
 * `versions.tf` for a form on the `hashicorp/aws` provider: the Terraform
 * and provider versions, and the region the provider works in.
 */
export function awsVersionsFile(
  dir: string,
  { values, referenceTag }: FormRenderInput,
): RenderedFile {
  return {
    path: `${dir}/versions.tf`,
    content: [
      header('#', referenceTag, 'Terraform, provider and region.'),
      'terraform {',
      '  required_version = ">= 1.6"',
      '  required_providers {',
      '    aws = {',
      '      source  = "hashicorp/aws"',
      '      version = "~> 5.0"',
      '    }',
      '  }',
      '}',
      '',
      'provider "aws" {',
      `  region = ${hcl(String(values.region))}`,
      '}',
      '',
    ].join('\n'),
  };
}

/**
 * The `tags` block of a cloud resource: the environment the detectors read
 * back, the service, and the reference it was rendered from, written as the
 * Kubernetes labels write it (mongodb@3 as mongodb-v3).
 */
export function resourceTags({
  request,
  referenceTag,
}: FormRenderInput): string[] {
  return [
    '  tags = {',
    `    environment            = ${hcl(request.environment)}`,
    `    service                = ${hcl(request.name)}`,
    `    reference_architecture = ${hcl(referenceTag.replace('@', '-v'))}`,
    '  }',
  ];
}

/** Plain string inputs the pipeline provides, each followed by a blank line. */
export function stringVariables(names: string[]): string[] {
  return names.flatMap(name => [
    `variable "${name}" {`,
    '  type = string',
    '}',
    '',
  ]);
}
