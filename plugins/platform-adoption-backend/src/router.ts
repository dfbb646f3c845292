import {
  HttpAuthService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { analysisRoutes } from './routes/analysisRoutes';
import { deploymentRoutes } from './routes/deploymentRoutes';
import { governanceRoutes, GovernanceDeps } from './routes/governanceRoutes';
import { referenceRoutes } from './routes/referenceRoutes';
import { scanRoutes } from './routes/scanRoutes';
import { ReferenceService } from './reference/ReferenceService';
import { AuditStore } from './store/AuditStore';
import { EntityVisibility } from './service/EntityVisibility';
import { AnalysisService } from './service/AnalysisService';
import { createAuthorize } from './service/authorize';
import { DeploymentService } from './service/DeploymentService';
import { ScanStore } from './store/ScanStore';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  scheduler: SchedulerService;
  scans: ScanStore;
  deployments: DeploymentService;
  analysis: AnalysisService;
  references: ReferenceService;
  governance: Omit<GovernanceDeps, 'authorize' | 'deployments' | 'audit' | 'visibility'>;
  audit: AuditStore;
  visibility: EntityVisibility;
}

const BODY_LIMIT = '256kb';

/** Body parser failures, in words that name the input, without a stack. */
function bodyErrors(error: any, _req: express.Request, res: express.Response, next: express.NextFunction) {
  if (error?.type === 'entity.parse.failed') {
    next(new InputError(`the request body is not valid JSON: ${error.message}`));
  } else if (error?.type === 'entity.too.large') {
    res.status(413).json({ error: { name: 'PayloadTooLargeError', message: `the request body is larger than ${BODY_LIMIT}` } });
  } else {
    next(error);
  }
}

/**
 * The REST API (documented in openapi.yaml): thin handlers that validate
 * input, check permissions and call a service.
 */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const router = Router();
  router.use(express.json({ limit: BODY_LIMIT }));
  router.use(bodyErrors);
  const authorize = createAuthorize(options.httpAuth, options.permissions);

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const { visibility } = options;
  deploymentRoutes(router, { authorize, deployments: options.deployments, visibility });
  analysisRoutes(router, { authorize, analysis: options.analysis, visibility });
  scanRoutes(router, { authorize, scans: options.scans, scheduler: options.scheduler, audit: options.audit });
  referenceRoutes(router, {
    authorize,
    references: options.references,
    conformance: options.governance.conformance,
  });
  governanceRoutes(router, {
    authorize,
    deployments: options.deployments,
    audit: options.audit,
    visibility,
    ...options.governance,
  });
  return router;
}
