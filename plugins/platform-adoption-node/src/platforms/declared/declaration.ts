import type { RootConfigService } from '@backstage/backend-plugin-api';
import {
  FacetDefinition,
  FacetKind,
} from '@platform-adoption/plugin-platform-adoption-common';
import { EntitySignals } from '../../detection/types';

/** Where a declared facet's value is read, and how it is normalised.
 *
 * @public
 */
export interface DeclaredFacetSource {
  /** Dotted path into the document (`spec.nodePools.0.replicas`, `a[0].b`); `container.…` reads the matched container. */
  path: string;
  /** Raw value (as text) → normalised value; values it does not list are kept as written. */
  map?: Record<string, string | number | boolean>;
  /** The value when the path is absent (the product's documented default). */
  default?: string | number | boolean;
}

/** Which documents of the matched files are deployments.
 *
 * @public
 */
export interface DeclaredSelect {
  /** A Kubernetes-style document's `apiVersion` (a group alone matches every version). */
  apiVersion?: string;
  /** A document's `kind`. */
  kind?: string;
  /** A container image (`opensearchproject/opensearch`): Compose services and Kubernetes containers running it. */
  image?: string;
}

/** Files where a declared platform is found, and how to read a deployment from each.
 *
 * @public
 */
export interface DeclaredFileSignal {
  globs: string[];
  select?: DeclaredSelect;
  kind: 'server' | 'client';
  /** Path to the deployment's name; `metadata.name`, the service name or the file otherwise. */
  name?: string;
  facets: Record<string, DeclaredFacetSource>;
}

/**
 * A platform declared in app-config (`platformAdoption.platforms[]`), so a
 * company tracks its own vendor without writing a detector.
 *
 * @public
 */
export interface DeclaredPlatform {
  id: string;
  title: string;
  vendor?: string;
  description?: string;
  facets: FacetDefinition[];
  entitySignals: EntitySignals;
  fileSignals: DeclaredFileSignal[];
}

/**
 * What `readDeclaredPlatforms` reads from: Backstage's root config (or
 * any object with its `getOptional`, such as an app-config file the CLI
 * loaded).
 *
 * @public
 */
export type DeclaredPlatformsConfig = Pick<RootConfigService, 'getOptional'>;

/**
 * The configuration key declarations live under.
 *
 * @public
 */
export const DECLARED_PLATFORMS_KEY = 'platformAdoption.platforms';

const FACET_KINDS: FacetKind[] = [
  'nominal',
  'ordinal',
  'version',
  'boolean',
  'numeric',
];
/** Ids of the built-in platforms, which a declaration may not take. */
const BUILTIN_IDS = ['mongodb', 'postgresql', 'kafka', 'redis', 'vault'];

/** A declaration that cannot be used; the message names the key at fault. */
class DeclarationError extends Error {}

type Json = unknown;

function describe(value: Json): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Throws naming the key; with a value, says what was found instead. */
function fail(key: string, message: string, ...got: Json[]): never {
  throw new DeclarationError(
    `${key} ${message}${got.length ? ` (got ${describe(got[0])})` : ''}`,
  );
}

function record(key: string, value: Json): Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(key, 'must be an object', value);
  return value as Record<string, Json>;
}

/** An object whose keys are all known: a misspelt key is an error, not ignored. */
function object(
  key: string,
  value: Json,
  known: string[],
): Record<string, Json> {
  const result = record(key, value);
  for (const name of Object.keys(result))
    if (!known.includes(name))
      fail(`${key}.${name}`, `is not a known key (known: ${known.join(', ')})`);
  return result;
}

function list(key: string, value: Json): Json[] {
  if (!Array.isArray(value)) fail(key, 'must be a list', value);
  return value as Json[];
}

function text(key: string, value: Json): string {
  if (typeof value !== 'string' || value.trim() === '')
    fail(key, 'must be a non-empty string', value);
  return value as string;
}

function optionalText(key: string, value: Json): string | undefined {
  return value === undefined ? undefined : text(key, value);
}

function texts(key: string, value: Json): string[] {
  return list(key, value).map((item, i) => text(`${key}[${i}]`, item));
}

function scalar(key: string, value: Json): string | number | boolean {
  if (!['string', 'number', 'boolean'].includes(typeof value))
    fail(key, 'must be a string, number or boolean', value);
  return value as string | number | boolean;
}

function facetValue(key: string, value: Json): string | boolean {
  if (typeof value !== 'string' && typeof value !== 'boolean')
    fail(key, 'must be a string or boolean', value);
  return value as string | boolean;
}

function readFacet(key: string, value: Json): FacetDefinition {
  const raw = object(key, value, [
    'id',
    'title',
    'kind',
    'weight',
    'better',
    'unacceptable',
    'context',
    'description',
  ]);
  const kind = raw.kind;
  if (!FACET_KINDS.includes(kind as FacetKind))
    fail(`${key}.kind`, `must be one of ${FACET_KINDS.join(', ')}`, kind);
  const weight = raw.weight;
  if (typeof weight !== 'number' || weight < 0 || weight > 1)
    fail(`${key}.weight`, 'must be a number from 0 to 1', weight);
  const context = raw.context;
  if (
    context !== undefined &&
    typeof context !== 'boolean' &&
    context !== 'strict'
  )
    fail(`${key}.context`, 'must be true, false or "strict"', context);
  const facet: FacetDefinition = {
    id: text(`${key}.id`, raw.id),
    title: text(`${key}.title`, raw.title),
    kind: kind as FacetKind,
    weight: weight as number,
  };
  if (raw.better !== undefined)
    facet.better = list(`${key}.better`, raw.better).map((tier, i) =>
      Array.isArray(tier)
        ? tier.map((v, j) => facetValue(`${key}.better[${i}][${j}]`, v))
        : facetValue(`${key}.better[${i}]`, tier),
    );
  if (raw.unacceptable !== undefined)
    facet.unacceptable = list(`${key}.unacceptable`, raw.unacceptable).map(
      (v, i) => facetValue(`${key}.unacceptable[${i}]`, v),
    );
  if (context !== undefined) facet.context = context as boolean | 'strict';
  const description = optionalText(`${key}.description`, raw.description);
  if (description) facet.description = description;
  return facet;
}

function readSignals(key: string, value: Json): EntitySignals {
  if (value === undefined) return {};
  const raw = object(key, value, ['resourceTypes', 'tags', 'annotations']);
  const signals: EntitySignals = {};
  for (const name of ['resourceTypes', 'tags', 'annotations'] as const)
    if (raw[name] !== undefined)
      signals[name] = texts(`${key}.${name}`, raw[name]);
  return signals;
}

function readFileSignal(
  key: string,
  value: Json,
  facetIds: string[],
): DeclaredFileSignal {
  const raw = object(key, value, ['globs', 'select', 'kind', 'name', 'facets']);
  const globs = texts(`${key}.globs`, raw.globs);
  if (globs.length === 0) fail(`${key}.globs`, 'must list at least one glob');
  let select: DeclaredSelect | undefined;
  if (raw.select !== undefined) {
    const s = object(`${key}.select`, raw.select, [
      'apiVersion',
      'kind',
      'image',
    ]);
    select = {
      apiVersion: optionalText(`${key}.select.apiVersion`, s.apiVersion),
      kind: optionalText(`${key}.select.kind`, s.kind),
      image: optionalText(`${key}.select.image`, s.image),
    };
    if (select.image && (select.apiVersion || select.kind))
      fail(
        `${key}.select`,
        'selects documents (apiVersion, kind) or containers (image), not both',
      );
  }
  const kind = raw.kind ?? 'server';
  if (kind !== 'server' && kind !== 'client')
    fail(`${key}.kind`, 'must be one of server, client', kind);
  const facets: Record<string, DeclaredFacetSource> = {};
  const rawFacets = record(`${key}.facets`, raw.facets ?? {});
  for (const [id, source] of Object.entries(rawFacets)) {
    const at = `${key}.facets.${id}`;
    if (!facetIds.includes(id))
      fail(
        at,
        `is not a facet of the platform (its facets: ${facetIds.join(', ')})`,
      );
    const s = object(at, source, ['path', 'map', 'default']);
    const facet: DeclaredFacetSource = { path: text(`${at}.path`, s.path) };
    if (s.map !== undefined) {
      facet.map = Object.fromEntries(
        Object.entries(record(`${at}.map`, s.map)).map(([from, to]) => [
          from,
          scalar(`${at}.map.${from}`, to),
        ]),
      );
    }
    if (s.default !== undefined)
      facet.default = scalar(`${at}.default`, s.default);
    facets[id] = facet;
  }
  return {
    globs,
    select,
    kind: kind as 'server' | 'client',
    name: optionalText(`${key}.name`, raw.name),
    facets,
  };
}

function readPlatform(key: string, value: Json): DeclaredPlatform {
  const raw = object(key, value, [
    'id',
    'title',
    'vendor',
    'description',
    'facets',
    'entitySignals',
    'fileSignals',
  ]);
  const id = text(`${key}.id`, raw.id);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
    fail(`${key}.id`, 'must be lower-case letters, digits and dashes', id);
  if (BUILTIN_IDS.includes(id))
    fail(`${key}.id`, 'is a built-in platform; choose another id', id);
  const facets = list(`${key}.facets`, raw.facets).map((facet, i) =>
    readFacet(`${key}.facets[${i}]`, facet),
  );
  if (facets.length === 0)
    fail(`${key}.facets`, 'must declare at least one facet');
  facets.forEach((facet, i) => {
    if (facets.findIndex(f => f.id === facet.id) !== i)
      fail(`${key}.facets[${i}].id`, 'repeats another facet id', facet.id);
  });
  const facetIds = facets.map(f => f.id);
  return {
    id,
    title: text(`${key}.title`, raw.title),
    vendor: optionalText(`${key}.vendor`, raw.vendor),
    description: optionalText(`${key}.description`, raw.description),
    facets,
    entitySignals: readSignals(`${key}.entitySignals`, raw.entitySignals),
    fileSignals:
      raw.fileSignals === undefined
        ? []
        : list(`${key}.fileSignals`, raw.fileSignals).map((signal, i) =>
            readFileSignal(`${key}.fileSignals[${i}]`, signal, facetIds),
          ),
  };
}

/**
 * Validates the value of `platformAdoption.platforms` (absent: none).
 * Throws an Error whose message names the exact key at fault, e.g.
 * `platformAdoption.platforms[1].facets[0].kind must be one of nominal,
 * ordinal, version, boolean, numeric (got "text")`.
 *
 * @public
 */
export function parseDeclaredPlatforms(
  value: unknown,
  key = DECLARED_PLATFORMS_KEY,
): DeclaredPlatform[] {
  if (value === undefined || value === null) return [];
  const platforms = list(key, value).map((platform, i) =>
    readPlatform(`${key}[${i}]`, platform),
  );
  platforms.forEach((platform, i) => {
    if (platforms.findIndex(p => p.id === platform.id) !== i)
      fail(`${key}[${i}].id`, 'repeats another platform id', platform.id);
  });
  return platforms;
}

/**
 * Reads and validates the declarations from a config.
 *
 * @public
 */
export function declaredPlatformsOf(
  config: DeclaredPlatformsConfig,
): DeclaredPlatform[] {
  return parseDeclaredPlatforms(config.getOptional(DECLARED_PLATFORMS_KEY));
}
