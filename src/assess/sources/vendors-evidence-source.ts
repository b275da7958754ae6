/**
 * Evidence from vendor reviews in attest.yaml (`vendors:`) for AI-VND-01 (model and data
 * providers) and AI-VND-02 (MCP servers and plugins). A vendor passes with grade C or better.
 * All reviewed vendors pass and every discovered one is reviewed: met; some pass: partial;
 * none pass: not met. Discovered vendors nobody reviewed are cited. Confidence: self-attested.
 */
import type { ControlId } from '../../catalog/control-ids.js';
import type { ControlContext, ControlVerdict, EvidenceRef, EvidenceSource } from '../evidence.js';
import type { DiscoveredVendor } from '../vendor/discovered-vendors.js';
import { assessVendor, type VendorEntry } from '../vendor/vendor-assessment.js';
import type { VendorKind } from '../vendor/vendor-questionnaire.js';

const GROUPS: readonly { controlId: ControlId; kinds: readonly VendorKind[] }[] = [
  { controlId: 'AI-VND-01', kinds: ['model-provider', 'data-provider'] },
  { controlId: 'AI-VND-02', kinds: ['mcp-server', 'plugin'] },
];

const PASSING: ReadonlySet<string> = new Set(['A', 'B', 'C']);

/**
 * @example
 * const source = vendorsEvidenceSource(config.vendors, discoveredVendors(result));
 */
export function vendorsEvidenceSource(entries: readonly VendorEntry[], discovered: readonly DiscoveredVendor[]): EvidenceSource {
  return {
    kind: 'vendor-reviews',
    confidence: 'self-attested',
    description: `attest.yaml vendors (${entries.length} reviewed)`,
    collect() {
      const verdicts: ControlVerdict[] = [];
      const context: ControlContext[] = [];
      for (const { controlId, kinds } of GROUPS) {
        // A stub nobody has answered yet (attest vendor init) is not a review.
        const results = entries.filter((e) => kinds.includes(e.kind)).map(assessVendor).filter((r) => r.answered > 0);
        const seen = discovered.filter((d) => kinds.includes(d.kind));
        const unreviewed = seen.filter((d) => !results.some((r) => r.name.toLowerCase() === d.name.toLowerCase()));
        const unreviewedRefs: EvidenceRef[] = unreviewed.map((d) => ({
          kind: 'vendor',
          name: d.name,
          vendorKind: d.kind,
          ...(d.seenAt[0] ? { seenAt: d.seenAt[0] } : {}),
        }));
        if (results.length === 0) {
          if (unreviewedRefs.length > 0) context.push({ controlId, source: 'vendor-reviews', evidence: unreviewedRefs });
          continue;
        }
        const passing = results.filter((r) => PASSING.has(r.grade));
        const status = passing.length === 0 ? 'not-met' : passing.length === results.length && unreviewed.length === 0 ? 'met' : 'partial';
        const reviewed: EvidenceRef[] = results.map((r) => ({ kind: 'vendor', name: r.name, vendorKind: r.kind, grade: r.grade }));
        const tail = unreviewed.length > 0 ? `; ${unreviewed.length} discovered not reviewed` : '';
        verdicts.push({
          controlId,
          status,
          confidence: 'self-attested',
          source: 'vendor-reviews',
          reason: `${passing.length} of ${results.length} reviewed vendors grade C or better${tail}`,
          evidence: [...reviewed, ...unreviewedRefs],
        });
      }
      return { verdicts, context };
    },
  };
}
