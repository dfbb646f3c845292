import { DatabaseService } from '@backstage/backend-plugin-api';
import { AnalysisStore } from './AnalysisStore';
import { AuditStore } from './AuditStore';
import { CampaignStore } from './CampaignStore';
import { DeploymentStore } from './DeploymentStore';
import { ExemptionStore } from './ExemptionStore';
import { HistoryStore } from './HistoryStore';
import { connectDatabase } from './migrations';
import { PushStore } from './PushStore';
import { ReferenceStore } from './ReferenceStore';
import { ScanStore } from './ScanStore';

/** Every store of the plugin, on one migrated database client. */
export async function createStores(database: DatabaseService) {
  const db = await connectDatabase(database);
  return {
    scans: new ScanStore(db),
    pushes: new PushStore(db),
    deployments: new DeploymentStore(db),
    analysis: new AnalysisStore(db),
    references: new ReferenceStore(db),
    exemptions: new ExemptionStore(db),
    history: new HistoryStore(db),
    campaigns: new CampaignStore(db),
    audit: new AuditStore(db),
  };
}

export type Stores = Awaited<ReturnType<typeof createStores>>;
