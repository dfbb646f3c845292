import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// Plugins (catalog, scaffolder, search, Platform Adoption…) are discovered
// from this package's dependencies through `app.packages: all`.
export default createApp({
  features: [navModule, signInModule],
});
