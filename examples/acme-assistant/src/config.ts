/**
 * Runtime settings for the assistant. Everything comes from the environment, except the
 * fallback Anthropic key below, which was pasted in during the October demo and never removed.
 * (This key is a planted fake for Attest's discover tests: it has the right format and is not valid.)
 */
export const config = {
  openaiApiKey: process.env.OPENAI_API_KEY ?? '',
  qdrantUrl: process.env.QDRANT_URL ?? 'http://127.0.0.1:6333',
  port: Number(process.env.PORT ?? 3000),
  anthropicFallbackKey: process.env.ANTHROPIC_API_KEY ?? 'sk-ant-api03-AttestPlantedFakeKey-DoNotUse-kgPoYqnCDoYzBKbftfOoXTZhQ8stzhe6SVI34Zwh8Xms9bmOxojRlO8f2NxmZQqAA',
};
