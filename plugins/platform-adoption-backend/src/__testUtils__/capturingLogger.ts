import { coreServices, createServiceFactory, LoggerService } from '@backstage/backend-plugin-api';

/**
 * A root logger that keeps every line any plugin or service logs, with its
 * metadata and errors, so a test can read what an operator's log would
 * show. Children log into the same list.
 */
export function capturingLogger() {
  const lines: string[] = [];
  const loggerWith = (meta: Record<string, unknown>): LoggerService => {
    const log = (level: string) => (message: string, extra?: unknown) => {
      lines.push([level, message, render(meta), render(extra)].filter(Boolean).join(' '));
    };
    return {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: more => loggerWith({ ...meta, ...more }),
    };
  };
  const root = loggerWith({});
  return {
    lines,
    factory: createServiceFactory({ service: coreServices.rootLogger, deps: {}, factory: () => root }),
  };
}

/** Metadata as a log shipper would write it; errors with message and stack. */
function render(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, v) =>
    v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v,
  );
}
