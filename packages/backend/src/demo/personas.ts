import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/**
 * The demo's second persona: a sign-in without a password, like the guest
 * provider, that resolves to a CoE lead in the catalog (so ownership and
 * permissions come from their real group memberships). The guest provider
 * itself is configured as a team member. Development only, like guest.
 */
const personaAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize({ config }) {
    return process.env.NODE_ENV === 'development' || config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') === true;
  },
  async authenticate(_, allowed) {
    if (!allowed) {
      throw new NotAllowedError(
        'The coe-lead demo persona is for development; set auth.providers.coe-lead.dangerouslyAllowOutsideDevelopment to use it elsewhere',
      );
    }
    return { result: {} };
  },
});

export const demoPersonasModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-personas',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint, config: coreServices.rootConfig },
      async init({ providers, config }) {
        const userEntityRef = config.getOptionalString('auth.providers.coe-lead.userEntityRef');
        if (!userEntityRef) return;
        providers.registerProvider({
          providerId: 'coe-lead',
          factory: createProxyAuthProviderFactory({
            authenticator: personaAuthenticator,
            signInResolver: async (_, ctx) => ctx.signInWithCatalogUser({ entityRef: userEntityRef }),
          }),
        });
      },
    });
  },
});
