import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The first render of a test app loads a lot; on a busy two-core machine it
// can take longer than testing-library's one-second default.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

// jsdom has no layout: recharts' ResponsiveContainer needs a ResizeObserver
// to exist, even though nothing is measured in tests.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoopResizeObserver;
