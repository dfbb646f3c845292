import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** Who did it, for the audit trail and the records: a user ref or a service. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as { type: string; userEntityRef?: string; subject?: string };
  if (principal.type === 'user' && principal.userEntityRef) return principal.userEntityRef;
  if (principal.type === 'service' && principal.subject) return principal.subject;
  return principal.type;
}
