import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

// The demo signs visitors in as one of two personas; a real installation
// swaps in its company's identity provider here.
const personaSignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => (await import('./PersonaSignInPage')).PersonaSignInPage,
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [personaSignInPage],
});
