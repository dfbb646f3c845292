import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The adoption overview, the plugin's landing page. */
export const rootRouteRef = createRouteRef();
