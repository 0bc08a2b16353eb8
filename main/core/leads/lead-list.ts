import type { LeadPage, LeadRow, LeadSort } from '../../../shared/contract/index.js';
import type { Lead } from '../../../shared/domain.js';
import { leadName } from '../../../shared/lead-name.js';
import type { LeadStore } from '../store/lead-store.js';
import { digitsOf } from '../../../shared/digits.js';

/**
 * Sorted and filtered views of the lead list for a virtualised UI that asks
 * for one window of rows at a time: the order is computed once per change
 * of the data and reused for every page.
 */
export class LeadListView {
  private sorted = new Map<string, { stamp: string; ids: string[] }>();
  private filtered: { key: string; ids: string[] } | null = null;
  private searchText = new Map<string, { lead: Lead; text: string }>();

  constructor(
    private readonly store: LeadStore,
    /** The one do-not-call rule (the dial gate's), so the list's badge means what the gate refuses. */
    private readonly isDoNotCall: (lead: Lead) => boolean,
  ) {}

  page(request: { query: string; sort: LeadSort; descending: boolean; offset: number; limit: number }): LeadPage {
    const ids = this.ids(request.query.trim().toLowerCase(), request.sort, request.descending);
    return {
      total: ids.length,
      offset: request.offset,
      rows: ids.slice(request.offset, request.offset + request.limit).map((id) => this.row(id)),
    };
  }

  row(id: string): LeadRow {
    const lead = this.store.getLead(id)!;
    const summary = this.store.summaryOf(id);
    return {
      id,
      name: leadName(lead),
      company: lead.company,
      phone: lead.phone,
      // The zone calls are planned in: the imported column, else the one the number implies.
      timeZone: lead.zones?.zones[0] ?? lead.timeZone,
      attempts: summary.attempts,
      lastAttemptAt: summary.lastAttemptAt,
      lastOutcome: summary.lastOutcome,
      doNotCall: this.isDoNotCall(lead),
    };
  }

  private ids(query: string, sort: LeadSort, descending: boolean): string[] {
    const order = this.sortedIds(sort, descending);
    if (!query) return order;
    const key = `${this.stamp(sort)}|${sort}|${descending}|${query}`;
    if (this.filtered?.key === key) return this.filtered.ids;
    const digits = digitsOf(query);
    const ids = order.filter((id) => {
      const text = this.textOf(id);
      return text.includes(query) || (digits.length >= 3 && text.includes(digits));
    });
    this.filtered = { key, ids };
    return ids;
  }

  private sortedIds(sort: LeadSort, descending: boolean): string[] {
    const stamp = this.stamp(sort);
    const cacheKey = `${sort}|${descending}`;
    const cached = this.sorted.get(cacheKey);
    if (cached?.stamp === stamp) return cached.ids;
    const keyed = [...this.store.allLeads()].map((lead) => ({ id: lead.id, key: this.sortKey(lead, sort) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1));
    if (descending) keyed.reverse();
    const ids = keyed.map((k) => k.id);
    this.sorted.set(cacheKey, { stamp, ids });
    return ids;
  }

  /** Name and company orders change only with lead data; the others with every outcome. */
  private stamp(sort: LeadSort): string {
    const { leads, summaries } = this.store.changeCounters;
    return sort === 'attempts' || sort === 'lastAttemptAt' ? `${leads}.${summaries}` : `${leads}`;
  }

  private sortKey(lead: Lead, sort: LeadSort): string | number {
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    switch (sort) {
      case 'name':
        return fold(leadName(lead) || `~${lead.company}`);
      case 'company':
        return fold(lead.company || '~');
      case 'createdAt':
        return lead.createdAt;
      case 'attempts':
        return this.store.summaryOf(lead.id).attempts;
      case 'lastAttemptAt':
        return this.store.summaryOf(lead.id).lastAttemptAt ?? '';
    }
  }

  private textOf(id: string): string {
    const lead = this.store.getLead(id)!;
    const cached = this.searchText.get(id);
    if (cached?.lead === lead) return cached.text;
    const text = [leadName(lead), lead.company, lead.email, lead.phone, digitsOf(lead.phone)].join(' ').toLowerCase();
    this.searchText.set(id, { lead, text });
    return text;
  }
}
