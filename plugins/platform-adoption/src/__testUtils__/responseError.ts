import { ResponseError } from '@backstage/errors';

/** A ResponseError as the client throws it for a backend error in Backstage's format. */
export function responseError(status: number, message: string, name = 'Error') {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url: '/api/platform-adoption/overview' },
        response: { statusCode: status },
      }),
      { status, statusText: 'Error', headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );
}
