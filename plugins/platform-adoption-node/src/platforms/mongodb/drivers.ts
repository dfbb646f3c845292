import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  ClientLibrary,
  detectClientLibraries,
} from '../shared/clientLibraries';
import { MONGODB_PLATFORM_ID } from './definition';

/** MongoDB drivers and ODMs, per ecosystem. */
export const MONGODB_CLIENT_LIBRARIES: ClientLibrary[] = [
  { ecosystem: 'npm', name: 'mongodb' },
  { ecosystem: 'npm', name: 'mongoose' },
  // org.mongodb publishes drivers (mongodb-driver-sync, -reactivestreams,
  // -kotlin-*, mongo-java-driver) beside libraries that are not (bson).
  {
    ecosystem: 'maven',
    name: name =>
      /^org\.mongodb:(mongodb-driver-[\w-]+|mongo-java-driver|mongodb-driver)$/.test(
        name,
      ),
  },
  { ecosystem: 'pypi', name: 'pymongo' },
  { ecosystem: 'pypi', name: 'motor' },
  {
    ecosystem: 'go',
    name: name => /^go\.mongodb\.org\/mongo-driver(\/v\d+)?$/.test(name),
  },
  { ecosystem: 'rubygems', name: 'mongo' },
  { ecosystem: 'rubygems', name: 'mongoid' },
];

/** Applications using MongoDB through a driver, from their package manifests. */
export function detectMongodbDrivers(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return detectClientLibraries(
    repo,
    MONGODB_PLATFORM_ID,
    MONGODB_CLIENT_LIBRARIES,
  );
}
