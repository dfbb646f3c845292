import { detectFiles, facetValues, onlyServer } from '../../testing/detect';
import { mongodbDetector } from './detector';

const detect = (files: Record<string, string>) =>
  detectFiles(files, [mongodbDetector]);

const statefulSet = (replicas: number, args: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: telemetry-mongo
  namespace: telemetry
  labels:
    environment: production
spec:
  replicas: ${replicas}
  template:
    metadata:
      annotations:
        prometheus.io/scrape: "true"
    spec:
      containers:
        - name: mongo
          image: docker.io/library/mongo:7.0.12
          args: ${args}
          env:
            - name: MONGO_INITDB_ROOT_USERNAME
              valueFrom:
                secretKeyRef: { name: root, key: username }
`;

describe('MongoDB as a Kubernetes workload', () => {
  it('reads a StatefulSet running a mongo image', () => {
    const deployment = onlyServer(
      detect({
        'k8s/mongo.yaml': statefulSet(
          3,
          '["--replSet", "rs0", "--bind_ip_all"]',
        ),
      }),
    );
    expect(deployment.key).toBe(
      'k8s/mongo.yaml#StatefulSet/telemetry/telemetry-mongo',
    );
    expect(facetValues(deployment)).toEqual({
      hosting: 'kubernetes',
      provisioning: 'kubernetes-manifest',
      environment: 'production',
      version: '7.0.12',
      replicas: 3,
      topology: 'replicaset',
      authentication: 'scram',
      tls: false,
      monitoring: 'prometheus',
      backup: 'none',
      backupTool: 'none',
    });
  });

  it('does not take an exporter, admin UI or backup job for a server', () => {
    const result = detect({
      'ui.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ui\nspec:\n  template:\n    spec:\n      containers:\n        - name: ui\n          image: mongo-express:1.0\n        - name: exporter\n          image: bitnami/mongodb-exporter:0.40.0\n',
      'job.yaml':
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: dump\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: dump\n              image: mongo:7.0\n              command: ["mongodump"]\n',
    });
    expect(result.deployments).toEqual([]);
  });
});
