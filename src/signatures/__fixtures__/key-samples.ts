/** Realistic fake keys, generated deterministically, for tests of key rules and scanners. */
/** Deterministic pseudo-random token over a charset (a real-looking key body). */
export function token(len: number, charset: string, seed: number): string {
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < len; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += charset[x % charset.length];
  }
  return out;
}
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const URLSAFE = `${ALNUM}_-`;
export const HEX = '0123456789abcdef';

/** One realistic sample per rule, with the context line it needs. */
export const KEY_SAMPLES: ReadonlyArray<{ id: string; line: (k: string) => string; key: string }> = [
  { id: 'openai_key', key: `sk-proj-${token(74, URLSAFE, 1)}T3BlbkFJ${token(74, URLSAFE, 2)}`, line: (k) => `OPENAI_API_KEY=${k}` },
  { id: 'openai_key', key: `sk-${token(20, ALNUM, 3)}T3BlbkFJ${token(20, ALNUM, 4)}`, line: (k) => `openai.api_key = "${k}"` },
  { id: 'openai_key', key: `sk-svcacct-${token(58, URLSAFE, 5)}T3BlbkFJ${token(58, URLSAFE, 6)}`, line: (k) => `key: ${k}` },
  { id: 'openai_admin_key', key: `sk-admin-${token(58, URLSAFE, 7)}T3BlbkFJ${token(58, URLSAFE, 8)}`, line: (k) => `const admin = '${k}';` },
  { id: 'anthropic_key', key: `sk-ant-api03-${token(93, URLSAFE, 9)}AA`, line: (k) => `ANTHROPIC_API_KEY="${k}"` },
  { id: 'anthropic_admin_key', key: `sk-ant-admin01-${token(93, URLSAFE, 10)}AA`, line: (k) => `x = "${k}"` },
  { id: 'google_api_key', key: `AIzaSy${token(33, URLSAFE, 11)}`, line: (k) => `GEMINI_API_KEY=${k}` },
  { id: 'aws_access_key_id', key: `AKIA${token(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 12)}`, line: (k) => `aws_access_key_id = ${k}` },
  { id: 'aws_bedrock_key', key: `ABSK${token(132, `${ALNUM}+/`, 13)}`, line: (k) => `AWS_BEARER_TOKEN_BEDROCK=${k}` },
  { id: 'huggingface_token', key: `hf_${token(34, ALNUM, 14)}`, line: (k) => `HF_TOKEN=${k}` },
  { id: 'groq_key', key: `gsk_${token(52, ALNUM, 15)}`, line: (k) => `GROQ_API_KEY=${k}` },
  { id: 'xai_key', key: `xai-${token(80, ALNUM, 16)}`, line: (k) => `XAI_API_KEY=${k}` },
  { id: 'replicate_token', key: `r8_${token(37, ALNUM, 17)}`, line: (k) => `REPLICATE_API_TOKEN=${k}` },
  { id: 'openrouter_key', key: `sk-or-v1-${token(64, HEX, 18)}`, line: (k) => `OPENROUTER_API_KEY=${k}` },
  { id: 'perplexity_key', key: `pplx-${token(48, ALNUM, 19)}`, line: (k) => `PPLX_API_KEY=${k}` },
  { id: 'deepseek_key', key: `sk-${token(32, HEX, 20)}`, line: (k) => `DEEPSEEK_API_KEY=${k}` },
  { id: 'fireworks_key', key: `fw_${token(24, ALNUM, 21)}`, line: (k) => `FIREWORKS_API_KEY=${k}` },
  { id: 'langsmith_key', key: `lsv2_pt_${token(32, HEX, 22)}_${token(10, HEX, 23)}`, line: (k) => `LANGSMITH_API_KEY=${k}` },
  { id: 'mistral_key', key: token(32, ALNUM, 24), line: (k) => `MISTRAL_API_KEY=${k}` },
  { id: 'cohere_key', key: token(40, ALNUM, 25), line: (k) => `co = cohere.Client("${k}")` },
  { id: 'together_key', key: token(64, HEX, 26), line: (k) => `TOGETHER_API_KEY=${k}` },
  { id: 'azure_openai_key', key: token(32, HEX, 27), line: (k) => `AZURE_OPENAI_API_KEY=${k}` },
  { id: 'nvidia_key', key: `nvapi-${token(64, URLSAFE, 28)}`, line: (k) => `NGC_API_KEY=${k}` },
];

