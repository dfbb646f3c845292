// Pieces every Terraform root module in the estate repeats.
import { attr, blank, block, str } from '../hcl.mjs';

export function variable(
  name,
  description,
  { type = 'string', defaultValue, sensitive } = {},
) {
  return block(
    'variable',
    [name],
    [
      attr('description', str(description)),
      attr('type', type),
      defaultValue !== undefined &&
        attr('default', JSON.stringify(defaultValue)),
      sensitive && attr('sensitive', 'true'),
    ],
  );
}

// Each cloud keeps state in its own store; the S3 one sits in eu-west-2
// whatever the databases' region, so a detector must not read region from it.
function backend(kind, stateKey) {
  if (kind === 'gcs') {
    return block(
      'backend',
      ['gcs'],
      [
        attr('bucket', str('fernhill-terraform-state')),
        attr('prefix', str(stateKey)),
      ],
    );
  }
  if (kind === 'azurerm') {
    return block(
      'backend',
      ['azurerm'],
      [
        attr('resource_group_name', str('rg-terraform-state')),
        attr('storage_account_name', str('fhterraformstate')),
        attr('container_name', str('tfstate')),
        attr('key', str(stateKey)),
      ],
    );
  }
  return block(
    'backend',
    ['s3'],
    [
      attr('bucket', str('fernhill-terraform-state')),
      attr('key', str(stateKey)),
      attr('region', str('eu-west-2')),
    ],
  );
}

/** The terraform {} block (versions, state backend) and provider blocks. */
export function backendAndProviders({
  stateKey,
  providers,
  providerBlocks,
  backendKind = 's3',
}) {
  const required = Object.entries(providers).flatMap(
    ([name, [source, version]]) => [
      attr(name, {
        kind: 'map',
        entries: [
          ['source', str(source)],
          ['version', str(version)],
        ],
      }),
    ],
  );
  return [
    block(
      'terraform',
      [],
      [
        attr('required_version', str('>= 1.6')),
        blank,
        block('required_providers', [], required),
        blank,
        backend(backendKind, stateKey),
      ],
    ),
    ...providerBlocks,
  ];
}
