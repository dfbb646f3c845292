import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult, BasicPermission } from '@backstage/plugin-permission-common';
import { Request } from 'express';

export type Authorize = (req: Request, permission: BasicPermission) => Promise<BackstageCredentials>;

/**
 * Checks a permission for the caller and returns their credentials; a
 * missing or invalid token is a 401 from httpAuth, a denial a 403.
 */
export function createAuthorize(httpAuth: HttpAuthService, permissions: PermissionsService): Authorize {
  return async (req, permission) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize([{ permission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`requires the ${permission.name} permission`);
    }
    return credentials;
  };
}
