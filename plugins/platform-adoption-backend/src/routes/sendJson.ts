import { Response } from 'express';
import { gzipSync } from 'node:zlib';
import { JsonBody } from '../service/ReadModel';

/** Below this, compressing saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * The gzip of each cached body, made on first use. Bodies are cached per
 * read token (see ReadModel) and served many times: the rollups of a
 * platform are about 300 kB at 50,000 entities, and the backend's
 * compression middleware gzipped them again on every request.
 */
const compressed = new WeakMap<JsonBody, Buffer>();

function gzipOf(json: JsonBody): Buffer {
  let body = compressed.get(json);
  if (!body) {
    body = gzipSync(json.body);
    compressed.set(json, body);
  }
  return body;
}

/**
 * Sends a JSON body serialized beforehand, with its entity tag: express
 * neither stringifies nor hashes it again, and answers 304 Not Modified to
 * a client that has it already. A client that accepts gzip (every browser)
 * gets the body compressed once; the compression middleware leaves a
 * response that is encoded already alone.
 */
export function sendJson(res: Response, json: JsonBody) {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('ETag', json.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  if (json.body.length >= COMPRESS_FROM_BYTES && res.req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    res.setHeader('Content-Encoding', 'gzip');
    res.send(gzipOf(json));
    return;
  }
  res.send(json.body);
}
