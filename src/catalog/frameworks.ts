import iso42001 from './data/frameworks/iso-42001-annex-a.json' with { type: 'json' };
import atlas from './data/frameworks/mitre-atlas.json' with { type: 'json' };
import nist6001 from './data/frameworks/nist-ai-600-1.json' with { type: 'json' };
import nistRmf from './data/frameworks/nist-ai-rmf.json' with { type: 'json' };
import owaspAgentic from './data/frameworks/owasp-agentic.json' with { type: 'json' };
import owaspLlm2025 from './data/frameworks/owasp-llm-2025.json' with { type: 'json' };
import owaspLlm2026 from './data/frameworks/owasp-llm-2026.json' with { type: 'json' };
import soc2 from './data/frameworks/soc2-tsc.json' with { type: 'json' };

/** Framework keys used in control mappings and on the CLI (`--framework`). */
export const FRAMEWORK_KEYS = [
  'soc2',
  'owasp-llm-2025',
  'owasp-llm-2026',
  'owasp-agentic',
  'nist-ai-rmf',
  'nist-ai-600-1',
  'iso-42001',
  'mitre-atlas',
] as const;

export type FrameworkKey = (typeof FRAMEWORK_KEYS)[number];

export interface FrameworkItem {
  readonly id: string;
  readonly title: string;
  readonly group?: string;
  readonly type?: string;
  readonly function?: string;
  readonly short?: string;
}

export interface Framework {
  readonly key: FrameworkKey;
  readonly name: string;
  readonly version: string;
  readonly source: string;
  readonly license: string;
  readonly items: readonly FrameworkItem[];
}

interface RawFramework {
  framework: string;
  version: string;
  source: string;
  license: string;
  items: FrameworkItem[];
}

const RAW: Record<FrameworkKey, RawFramework> = {
  soc2: soc2 as RawFramework,
  'owasp-llm-2025': owaspLlm2025 as RawFramework,
  'owasp-llm-2026': owaspLlm2026 as RawFramework,
  'owasp-agentic': owaspAgentic as RawFramework,
  'nist-ai-rmf': nistRmf as RawFramework,
  'nist-ai-600-1': nist6001 as RawFramework,
  'iso-42001': iso42001 as RawFramework,
  'mitre-atlas': atlas as RawFramework,
};

export const FRAMEWORKS: Readonly<Record<FrameworkKey, Framework>> = Object.fromEntries(
  FRAMEWORK_KEYS.map((key) => {
    const raw = RAW[key];
    return [
      key,
      { key, name: raw.framework, version: raw.version, source: raw.source, license: raw.license, items: raw.items },
    ];
  }),
) as unknown as Record<FrameworkKey, Framework>;

const INDEX = new Map<FrameworkKey, Map<string, FrameworkItem>>(
  FRAMEWORK_KEYS.map((key) => [key, new Map(FRAMEWORKS[key].items.map((item) => [item.id, item]))]),
);

export function isFrameworkKey(value: string): value is FrameworkKey {
  return (FRAMEWORK_KEYS as readonly string[]).includes(value);
}

/** Look up one framework item by id, e.g. `frameworkItem('owasp-llm-2025', 'LLM01')`. */
export function frameworkItem(key: FrameworkKey, id: string): FrameworkItem | undefined {
  return INDEX.get(key)?.get(id);
}
