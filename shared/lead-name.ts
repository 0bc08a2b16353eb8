import type { Lead } from './domain.js';

/** A lead's full name as the rep says it ("Ana Ruiz"); '' when the CRM gave only a company. */
export const leadName = (lead: Pick<Lead, 'firstName' | 'lastName'>): string => [lead.firstName, lead.lastName].filter(Boolean).join(' ');
