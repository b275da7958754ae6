/**
 * `assess()`: evidence in, report model out. Pure: the caller passes the discover result,
 * the answers, any further evidence sources and the clock reading.
 */
import type { Control } from '../catalog/control.js';
import { isControlId, type ControlId } from '../catalog/control-ids.js';
import { CONTROLS } from '../catalog/controls.js';
import type { DiscoverResult } from '../discover/model.js';
import { likelihood, notApplicableReason } from './applicability.js';
import { decideStatus } from './control-status.js';
import type { ControlContext, ControlStatus, ControlVerdict, EvidenceSource } from './evidence.js';
import { buildFixList } from './fix-list.js';
import { frameworkScores } from './framework-scores.js';
import { inventoryProfile, type InventoryProfile } from './inventory-profile.js';
import type { AssessedControl, AssessReport, InventorySummary } from './report-model.js';
import { credit, grade, score, SEVERITY_WEIGHT } from './scoring.js';
import { answersEvidenceSource, type Answers } from './sources/answers-evidence-source.js';
import { configEvidenceSource } from './sources/config-evidence-source.js';
import { discoverEvidenceSource } from './sources/discover-evidence-source.js';
import { vendorsEvidenceSource } from './sources/vendors-evidence-source.js';
import { discoveredVendors } from './vendor/discovered-vendors.js';
import type { VendorEntry } from './vendor/vendor-assessment.js';

export interface AssessInput {
  readonly discover?: DiscoverResult;
  readonly answers?: Answers;
  /** Where the answers came from (display), e.g. `attest.yaml`. */
  readonly answersFile?: string;
  /** The `guard:` and `audit:` sections of attest.yaml, as validated (absent: not configured). */
  readonly runtimeConfig?: { readonly guard?: unknown; readonly audit?: unknown };
  /** Vendor reviews from attest.yaml `vendors:` (absent: no vendor evidence). */
  readonly vendors?: readonly VendorEntry[];
  /** Further evidence (gateway config, audit statistics, red-team results …). */
  readonly sources?: readonly EvidenceSource[];
  /** Defaults to the Attest catalog; tests pass their own. */
  readonly controls?: readonly Control[];
  readonly generatedAt: string;
  readonly toolVersion: string;
  readonly subjectName: string;
}

function traits(p: InventoryProfile): string[] {
  const t: [boolean, string][] = [
    [p.agents, 'agents or agent tools'],
    [p.riskyTools, 'high-risk agent tools'],
    [p.mcp, 'MCP servers'],
    [p.rag, 'retrieval over vector stores'],
    [p.llmCalls, 'LLM call sites'],
    [p.localRuntime, 'local model runtimes'],
    [p.modelFiles, 'model files'],
    [p.fineTuning, 'fine-tuning calls'],
    [p.hardcodedKeys, 'hard-coded provider keys'],
  ];
  return t.filter(([on]) => on).map(([, label]) => label);
}

function inventorySummary(p: InventoryProfile): InventorySummary {
  const sortKeys = <T>(o: Readonly<Record<string, T>>): Record<string, T> =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return {
    scanned: p.scanned,
    files: p.files,
    components: sortKeys(p.counts as Record<string, number>),
    findings: sortKeys(p.findingsByRule),
    traits: traits(p),
  };
}

/**
 * Assess the controls against the evidence.
 * @example
 * const report = assess({ discover, answers, generatedAt: new Date().toISOString(), toolVersion: VERSION, subjectName: 'acme' });
 */
export function assess(input: AssessInput): AssessReport {
  const controls = input.controls ?? CONTROLS;
  const answers = input.answers ?? {};
  const profile = inventoryProfile(input.discover);
  const sources: EvidenceSource[] = [];
  // Roots are absolute (machine-specific); the description stays portable, subject.roots has them.
  if (input.discover) sources.push(discoverEvidenceSource(input.discover, `attest discover: ${input.discover.stats.files} files, ${input.discover.components.length} components, ${input.discover.findings.length} findings`));
  if (input.answers) sources.push(answersEvidenceSource(answers, controls, input.answersFile ?? 'attest.yaml answers'));
  const rc = input.runtimeConfig;
  if (rc && (rc.guard !== undefined || rc.audit !== undefined)) sources.push(configEvidenceSource(rc, input.answersFile ?? 'attest.yaml'));
  if (input.vendors) sources.push(vendorsEvidenceSource(input.vendors, input.discover ? discoveredVendors(input.discover) : []));
  sources.push(...(input.sources ?? []));

  const verdicts = new Map<ControlId, ControlVerdict[]>();
  const context = new Map<ControlId, ControlContext[]>();
  for (const source of sources) {
    const out = source.collect(profile);
    for (const v of out.verdicts) verdicts.set(v.controlId, [...(verdicts.get(v.controlId) ?? []), v]); // a few per control
    for (const c of out.context ?? []) context.set(c.controlId, [...(context.get(c.controlId) ?? []), c]);
  }

  const assessed: AssessedControl[] = [];
  for (const control of controls) {
    if (!isControlId(control.id)) continue;
    const id = control.id;
    const missing = (control.questions ?? []).map((q) => q.key).filter((k) => answers[k] === undefined);
    const d = decideStatus(id, verdicts.get(id) ?? [], context.get(id) ?? [], notApplicableReason(id, profile), missing);
    const like = likelihood(id, profile);
    assessed.push({
      id,
      title: control.title,
      severity: control.severity,
      requirements: control.requirements,
      status: d.status,
      ...(d.confidence ? { confidence: d.confidence } : {}),
      ...(d.decidedBy ? { decidedBy: d.decidedBy } : {}),
      reason: d.reason,
      conflicts: d.conflicts,
      evidence: d.evidence,
      weight: SEVERITY_WEIGHT[control.severity] * like.factor,
      likelihood: like.factor,
      ...(like.because ? { likelihoodBecause: like.because } : {}),
      credit: credit(d.status, d.confidence),
      mappings: control.mappings,
    });
  }

  const counts: Record<ControlStatus, number> = { met: 0, partial: 0, 'not-met': 0, 'not-applicable': 0, unknown: 0 };
  for (const c of assessed) counts[c.status]++;
  const overall = score(assessed);
  const criticalFailure = assessed.some((c) => c.severity === 'critical' && c.status === 'not-met' && c.confidence === 'observed');
  const g = grade(overall, criticalFailure);
  const totalWeight = assessed.filter((c) => c.status !== 'not-applicable').reduce((a, c) => a + c.weight, 0);
  return {
    schemaVersion: 1,
    kind: 'attest-assess-report',
    tool: { name: 'attest', version: input.toolVersion },
    generatedAt: input.generatedAt,
    subject: {
      name: input.subjectName,
      roots: input.discover?.roots ?? [],
      ...(input.answersFile ? { answersFile: input.answersFile } : {}),
    },
    sources: sources.map((s) => ({ kind: s.kind, confidence: s.confidence, description: s.description })),
    inventory: inventorySummary(profile),
    overall: { score: overall, grade: g, gradeCapped: g !== grade(overall, false), counts },
    frameworks: frameworkScores(assessed),
    controls: assessed,
    fixList: buildFixList(assessed, totalWeight),
  };
}
