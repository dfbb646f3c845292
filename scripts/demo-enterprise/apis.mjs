// APIs the components provide, with small but valid inline definitions
// (OpenAPI 3.0, AsyncAPI 2.6, proto3), and who consumes them.
import { randomFor } from './random.mjs';
import { toYaml } from './yaml.mjs';

const words = name => name.split('-');
const title = name =>
  words(name)
    .map(w =>
      ['api', 'fx', 'tpp', 'atm', 'kyc', 'aml', 'grpc'].includes(w)
        ? w.toUpperCase()
        : w[0].toUpperCase() + w.slice(1),
    )
    .join(' ');
const pascal = name =>
  words(name)
    .map(w => w[0].toUpperCase() + w.slice(1))
    .join('');
const camel = name => pascal(name)[0].toLowerCase() + pascal(name).slice(1);
const singular = noun =>
  noun
    .replace(/ies$/, 'y')
    .replace(/(ss)$/, '$1')
    .replace(/([^s])s$/, '$1');

export function apiName(component, kind, noun) {
  if (kind === 'asyncapi') return `${noun}-events`;
  const base = component.replace(/-(service|gateway|engine)$/, '');
  if (kind === 'grpc') return `${base}-grpc`;
  return base.endsWith('-api') ? base : `${base}-api`;
}

function openapi(api, c, noun) {
  const one = singular(noun);
  const schema = pascal(one);
  const idParam = `${camel(one)}Id`;
  const doc = {
    openapi: '3.0.3',
    info: { title: title(api), version: '1.4.0', description: c.description },
    servers: [{ url: `https://api.internal.fernhill.example/${c.name}` }],
    security: [{ bearerAuth: [] }],
    paths: {
      [`/${noun}`]: {
        get: {
          operationId: `list${pascal(noun)}`,
          summary: `List ${noun.replaceAll('-', ' ')}`,
          parameters: [
            {
              name: 'limit',
              in: 'query',
              schema: {
                type: 'integer',
                minimum: 1,
                maximum: 200,
                default: 50,
              },
            },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: {
            200: {
              description: `A page of ${noun.replaceAll('-', ' ')}`,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      items: {
                        type: 'array',
                        items: { $ref: `#/components/schemas/${schema}` },
                      },
                      nextCursor: { type: 'string', nullable: true },
                    },
                  },
                },
              },
            },
          },
        },
      },
      [`/${noun}/{${idParam}}`]: {
        get: {
          operationId: `get${schema}`,
          parameters: [
            {
              name: idParam,
              in: 'path',
              required: true,
              schema: { type: 'string' },
            },
          ],
          responses: {
            200: {
              description: `The ${one.replaceAll('-', ' ')}`,
              content: {
                'application/json': {
                  schema: { $ref: `#/components/schemas/${schema}` },
                },
              },
            },
            404: { description: 'Not found' },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
      schemas: {
        [schema]: {
          type: 'object',
          required: ['id', 'createdAt'],
          properties: {
            id: { type: 'string' },
            status: { type: 'string' },
            createdAt: { type: 'string', format: 'date-time' },
          },
        },
      },
    },
  };
  return toYaml(doc);
}

function asyncapi(api, c, noun) {
  const event = pascal(noun);
  const doc = {
    asyncapi: '2.6.0',
    info: { title: title(api), version: '2.1.0', description: c.description },
    servers: {
      production: {
        url: 'kafka.internal.fernhill.example:9093',
        protocol: 'kafka-secure',
      },
    },
    channels: {
      [`fernhill.${noun.replaceAll('-', '_')}.v1`]: {
        subscribe: {
          operationId: `on${event}Event`,
          message: {
            name: `${event}Event`,
            contentType: 'application/json',
            payload: {
              type: 'object',
              required: ['eventId', 'occurredAt', 'type'],
              properties: {
                eventId: { type: 'string', format: 'uuid' },
                occurredAt: { type: 'string', format: 'date-time' },
                type: {
                  type: 'string',
                  enum: [`${noun}.created`, `${noun}.updated`],
                },
                subjectId: { type: 'string' },
              },
            },
          },
        },
      },
    },
  };
  return toYaml(doc);
}

function grpc(api, c, noun) {
  const one = pascal(singular(noun));
  const pkg = c.name.replaceAll('-', '_');
  return `syntax = "proto3";

package fernhill.${pkg}.v1;

import "google/protobuf/timestamp.proto";

// ${c.description}
service ${pascal(c.name.replace(/-service$/, ''))} {
  rpc Get${one} (Get${one}Request) returns (${one});
  rpc Stream${pascal(noun)} (Stream${pascal(
    noun,
  )}Request) returns (stream ${one});
}

message Get${one}Request {
  string id = 1;
}

message Stream${pascal(noun)}Request {
  string instrument_id = 1;
  google.protobuf.Timestamp since = 2;
}

message ${one} {
  string id = 1;
  string instrument_id = 2;
  google.protobuf.Timestamp occurred_at = 3;
  string status = 4;
}
`;
}

/** APIs provided by components, and 1-3 consumers each. */
export function buildApis(components, domainOf) {
  const random = randomFor('api-consumers');
  const consumers = components.filter(c => c.type !== 'library');
  const apis = [];
  for (const c of components.filter(x => x.api)) {
    const noun = c.noun ?? words(c.name).at(-2) ?? c.name;
    const name = apiName(c.name, c.api, noun);
    const definition =
      c.api === 'openapi'
        ? openapi(name, c, noun)
        : c.api === 'asyncapi'
        ? asyncapi(name, c, noun)
        : grpc(name, c, noun);
    const near = consumers.filter(
      x => x.name !== c.name && domainOf(x) === domainOf(c),
    );
    const far = consumers.filter(
      x => x.name !== c.name && domainOf(x) !== domainOf(c),
    );
    const count = random.int(1, 3);
    const chosen = new Set();
    for (let i = 0; i < count; i++) {
      const pool = near.length && random.chance(0.7) ? near : far;
      chosen.add(random.pick(pool).name);
    }
    apis.push({
      name,
      type: c.api,
      title: title(name),
      description:
        c.api === 'asyncapi'
          ? `Events published by ${c.name}.`
          : `API of ${c.name}: ${c.description}`,
      owner: c.owner,
      system: c.system,
      provider: c.name,
      consumers: [...chosen].sort(),
      definition,
    });
  }
  return apis;
}
