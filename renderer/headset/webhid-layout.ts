import type { ReportDescriptor, ReportField, ReportKind } from './report-descriptor.js';

/**
 * WebHID does not give a page the descriptor's bytes: it gives the collections
 * Chromium parsed from them (HIDCollectionInfo). This turns them back into the
 * same fields parseReportDescriptor makes, so one mapping serves both.
 */
export interface WebHidReportItem {
  isAbsolute?: boolean;
  isArray?: boolean;
  isConstant?: boolean;
  isRange?: boolean;
  usages?: number[];
  usageMinimum?: number;
  usageMaximum?: number;
  reportSize?: number;
  reportCount?: number;
  logicalMinimum?: number;
  logicalMaximum?: number;
}
export interface WebHidReportInfo {
  reportId?: number;
  items?: WebHidReportItem[];
}
export interface WebHidCollectionInfo {
  usagePage?: number;
  usage?: number;
  type?: number;
  children?: WebHidCollectionInfo[];
  inputReports?: WebHidReportInfo[];
  outputReports?: WebHidReportInfo[];
  featureReports?: WebHidReportInfo[];
}

const KINDS: [ReportKind, 'inputReports' | 'outputReports' | 'featureReports'][] = [
  ['input', 'inputReports'],
  ['output', 'outputReports'],
  ['feature', 'featureReports'],
];

export function descriptorFromWebHid(collections: readonly WebHidCollectionInfo[]): ReportDescriptor {
  const fields: ReportField[] = [];
  const offsets = new Map<string, number>();
  let numbered = false;
  const applications: number[] = [];

  const walk = (collection: WebHidCollectionInfo, application: number) => {
    for (const [kind, key] of KINDS) {
      for (const report of collection[key] ?? []) {
        const reportId = report.reportId ?? 0;
        if (reportId !== 0) numbered = true;
        for (const item of report.items ?? []) {
          const bitSize = item.reportSize ?? 0;
          const count = item.reportCount ?? 0;
          const offsetKey = `${kind}:${reportId}`;
          const bitOffset = offsets.get(offsetKey) ?? 0;
          offsets.set(offsetKey, bitOffset + bitSize * count);
          let usages = item.usages ?? [];
          if (item.isRange && usages.length === 0 && item.usageMinimum !== undefined && item.usageMaximum !== undefined && item.usageMaximum - item.usageMinimum <= 0xffff) {
            usages = Array.from({ length: item.usageMaximum - item.usageMinimum + 1 }, (_, i) => item.usageMinimum! + i);
          }
          fields.push({
            kind,
            reportId,
            bitOffset,
            bitSize,
            count,
            logicalMinimum: item.logicalMinimum ?? 0,
            logicalMaximum: item.logicalMaximum ?? 0,
            constant: item.isConstant ?? false,
            variable: !(item.isArray ?? false),
            relative: !(item.isAbsolute ?? true),
            usages: usages.map((usage) => usage >>> 0),
            application,
          });
        }
      }
    }
    for (const child of collection.children ?? []) walk(child, application);
  };
  for (const collection of collections) {
    const application = (((collection.usagePage ?? 0) & 0xffff) << 16) | ((collection.usage ?? 0) & 0xffff);
    applications.push(application);
    walk(collection, application);
  }
  return { fields, applications, numbered };
}
