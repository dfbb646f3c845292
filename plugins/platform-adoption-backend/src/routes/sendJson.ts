import { Response } from 'express';
import { JsonBody } from '../service/ReadModel';

/**
 * Sends a JSON body serialized beforehand, with its entity tag: express
 * neither stringifies nor hashes it again, and answers 304 Not Modified to
 * a client that has it already.
 */
export function sendJson(res: Response, { body, etag }: JsonBody) {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('ETag', etag);
  res.send(body);
}
