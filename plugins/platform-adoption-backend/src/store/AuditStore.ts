import { AuditEvent } from '@platform-adoption/plugin-platform-adoption-common';
import { Knex } from 'knex';

/** The audit trail: append-only. */
export class AuditStore {
  constructor(private readonly db: Knex) {}

  async record(actor: string, action: string, subject: string, details?: Record<string, unknown>) {
    await this.db('audit_events').insert({
      at: new Date().toISOString(),
      actor,
      action,
      subject,
      details: details ? JSON.stringify(details) : null,
    });
  }

  async list(limit: number, offset: number): Promise<AuditEvent[]> {
    const rows = await this.db('audit_events').orderBy('id', 'desc').limit(limit).offset(offset);
    return rows.map(r => ({
      id: Number(r.id),
      at: r.at,
      actor: r.actor,
      action: r.action,
      subject: r.subject,
      ...(r.details ? { details: JSON.parse(r.details) } : {}),
    }));
  }
}
