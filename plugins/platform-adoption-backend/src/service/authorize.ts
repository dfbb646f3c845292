import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult, BasicPermission } from '@backstage/plugin-permission-common';
import { Request } from 'express';
import { CallerCache, identifyCaller } from './callerCache';

export type Authorize = (req: Request, permission: BasicPermission) => Promise<BackstageCredentials>;

/**
 * Checks a permission for the caller and returns their credentials; a
 * missing or invalid token is a 401 from httpAuth, a denial a 403. A user's
 * decision is reused for a few seconds (see {@link CallerCache}); the token
 * itself is verified on every request.
 */
export function createAuthorize(httpAuth: HttpAuthService, permissions: PermissionsService): Authorize {
  const decisions = new CallerCache<AuthorizeResult>();
  return async (req, permission) => {
    const credentials = await httpAuth.credentials(req);
    const caller = identifyCaller(req, credentials);
    const decide = async () => (await permissions.authorize([{ permission }], { credentials }))[0].result;
    const result = caller ? await decisions.get(`${permission.name}\n${caller}`, decide) : await decide();
    if (result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`requires the ${permission.name} permission`);
    }
    return credentials;
  };
}
