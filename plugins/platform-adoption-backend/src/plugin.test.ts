import { startTestBackend } from '@backstage/backend-test-utils';
import request from 'supertest';
import { platformAdoptionPlugin } from './plugin';

describe('platformAdoptionPlugin', () => {
  it('answers the health probe without credentials', async () => {
    const { server } = await startTestBackend({
      features: [platformAdoptionPlugin],
    });

    const response = await request(server).get(
      '/api/platform-adoption/health',
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
