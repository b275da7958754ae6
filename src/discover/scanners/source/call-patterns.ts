/**
 * Call-site patterns matched on a normalised code line: lower-case, `_` removed and every `()`
 * removed, so `fine_tuning.jobs.create(`, `fineTuning.jobs.create(`, Go `FineTuning.Jobs.New(`
 * and Java `fineTuning().jobs().create(` are one form. Plain substring tests: linear, no regex.
 */

/**
 * Normalise code (comments and string contents already blanked): lower-case, drop `_`, collapse
 * whitespace, drop the space around `. ( ) = : ,`, and drop empty `()`. Each step is a single
 * linear regex pass (blanked strings leave long runs of spaces; nothing here backtracks).
 */
export function normaliseCall(code: string): string {
  let s = code.toLowerCase();
  if (s.includes('_')) s = s.replace(/_/g, '');
  s = s.replace(/\s+/g, ' ');
  if (s.includes(' ')) s = s.replace(/ ?([.()=:,]) ?/g, '$1');
  return s.includes('()') ? s.replace(/\(\)/g, '') : s;
}

/** Fine-tuning / model customisation API calls (OpenAI, Azure, Mistral, Together, Bedrock, Vertex, Gemini, Cohere). */
export const FINE_TUNE_CALLS: readonly string[] = [
  'finetuning.jobs.create(',
  'finetuning.jobs.new(',
  'finetuningjob.create(',
  'finetune.create(',
  'finetunes.create(',
  'finetuning.create(',
  'createmodelcustomizationjob(',
  'createmodelcustomizationjobcommand(',
  'createmodelcustomizationjobrequest',
  'sft.train(',
  'sft.pretrain(',
  'tunings.tune(',
  'tunings.create(',
  'createtuningjob(',
  'createfinetunedmodel(',
  'createtunedmodel(',
  'tunedmodels.create(',
];

/** LLM invocations: one finding per call site when the file is not guarded (docs/discover-rules.md). */
export const LLM_CALLS: readonly string[] = [
  'chat.completions.create(',
  'chat.completions.parse(',
  'chat.completions.stream(',
  'chat.completions.new(',
  'chat.completions.newstreaming(',
  'chatcompletion.create(',
  'chatcompletion.acreate(',
  '.completions.create(',
  'responses.create(',
  'responses.stream(',
  'responses.new(',
  'messages.create(',
  'messages.stream(',
  'messages.new(',
  'messages.newstreaming(',
  'generatecontent(',
  'generatecontentstream(',
  'generatetext(',
  'streamtext(',
  'generateobject(',
  'streamobject(',
  'invokemodel(',
  'invokemodelwithresponsestream(',
  'invokemodelcommand(',
  'conversecommand(',
  'conversestreamcommand(',
  '.converse(',
  'litellm.completion(',
  'litellm.acompletion(',
  'ollama.chat(',
  'ollama.generate(',
  'llm.invoke(',
  'llm.ainvoke(',
  'llm.stream(',
  'llm.complete(',
  'llm.chat(',
  'model.invoke(',
  'model.ainvoke(',
  'chat.invoke(',
  'chatmodel.invoke(',
  'chatmodel.call(',
  'chatmodel.generate(',
  'chatclient.prompt',
  'getchatcompletions(',
  'completechat(',
  'client.chat(',
  'co.chat(',
];

/**
 * A cheap test on the raw code line: every pattern above, in any casing or with `_`, contains one
 * of these fragments, so lines without them are never normalised.
 */
const CALL_HINT = /reate|enerate|tream|nvoke|onverse|omplet|hat|une|uning|rain|ustom|rompt|all\s*\(|ew\s*\(|_model/;

export function mayHoldCall(codeLine: string): boolean {
  return codeLine.includes('(') && CALL_HINT.test(codeLine);
}

/** The first pattern of `patterns` in a normalised line, or undefined. */
export function firstCall(normalised: string, patterns: readonly string[]): string | undefined {
  if (!normalised.includes('(')) return undefined;
  for (const p of patterns) if (normalised.includes(p)) return p;
  return undefined;
}
