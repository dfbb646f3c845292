import { component, group, repositories } from './testBackend';

/**
 * A bank of six teams, each running one CloudNativePG cluster, all with
 * backup except the cards team's: the fleet the governance tests publish a
 * reference over. The outsider may not see the cards service.
 */
export const COE = 'user:default/coe-lead';
export const READER = 'user:default/reader';
export const OUTSIDER = 'user:default/outsider';
export const TEAMS = ['ledger', 'cards', 'loans', 'fx', 'kyc', 'wealth'];

/** A CloudNativePG cluster as teams write them; `backup: false` leaves the backup section out. */
export function cnpgCluster(name: string, { backup = true } = {}) {
  return [
    'apiVersion: postgresql.cnpg.io/v1',
    'kind: Cluster',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  instances: 3',
    '  imageName: ghcr.io/cloudnative-pg/postgresql:16.4',
    '  monitoring:',
    '    enablePodMonitor: true',
    ...(backup
      ? ['  backup:', '    barmanObjectStore:', `      destinationPath: s3://backups/${name}`, '    retentionPolicy: "30d"']
      : []),
    '',
  ].join('\n');
}

export const bankEntities = [
  group('bank'),
  ...TEAMS.map(t => group(t, 'bank')),
  ...TEAMS.map(t => component(`${t}-service`, `group:default/${t}`)),
];

/** The bank's repositories in a fresh folder: `<team>-service/deploy/postgres.yaml`. */
export function bankRepositories() {
  return repositories(
    Object.fromEntries(TEAMS.map(t => [`${t}-service/deploy/postgres.yaml`, cnpgCluster(`${t}-db`, { backup: t !== 'cards' })])),
  );
}

/** Who may manage, and who may not see the cards service: the options both governance tests start with. */
export const bankAccess = { managers: [COE], hidden: { [OUTSIDER]: ['component:default/cards-service'] } };
