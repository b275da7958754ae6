/** The assess report as JSON (schemas/assess-report.schema.json). Stable key order. */
import type { AssessReport } from '../assess/report-model.js';

export function renderAssessJson(r: AssessReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
