import type { InjectionCategory } from './types.js';

/**
 * Known attack families as keyword-set sequences over normalised word tokens. A rule matches
 * when a token from each step appears in order, each within `gap` tokens of the previous one
 * (`near` rules match their two sets in either order). Matching is a bounded window scan —
 * linear in the number of tokens, no regular expressions.
 *
 * Weights are on the calibrated score scale (0.5 = flag): strong rules (>= 0.8) flag on their
 * own, medium ones (0.5–0.8) flag alone but are meant to be corroborated, weak ones (< 0.5)
 * only feed the classifier and name the category of a flagged text.
 */
export interface SignatureRule {
  readonly id: string;
  readonly category: InjectionCategory;
  readonly weight: number;
  /** Space-separated alternatives per step. */
  readonly steps: readonly string[];
  /** Max tokens skipped between consecutive steps (default 3). */
  readonly gap?: number;
  /** Two-step rule whose steps may appear in either order. */
  readonly near?: boolean;
  /** Weight for indirect sources (retrieved documents, tool results), where instructions addressed to the model are themselves suspect. */
  readonly indirectWeight?: number;
}

// English plus common German, Spanish, French, Italian and Portuguese forms (accents are stripped by normalisation).
const OVERRIDE_VERBS =
  'ignore ignoring ignores disregard disregarding forget forgetting override overriding bypass neglect overlook dismiss nevermind discard ' +
  'vergiss vergesst vergessen ignoriere ignoriert ignorieren ignora ignoren ignorar olvida olvide olviden olvidar oublie oubliez ignorez dimentica esqueca esquecer';
const PRIOR =
  'previous prior above earlier preceding foregoing initial original old former existing system developer all any every your these those ' +
  'vorherigen vorherige bisherigen obigen alle allen anteriores anterior previas previos todas precedentes toutes precedenti tutte';
const DIRECTIVES =
  'instructions instruction rules guidelines directions directives prompts prompt commands orders constraints restrictions programming guidance policies policy context training ' +
  'anweisungen anweisung instruktionen regeln befehle vorgaben instrucciones reglas consignes regles istruzioni regole instrucoes regras';
/** DIRECTIVES without the words that are also everyday technical nouns (`ignore rules`, `override policy`). */
const INSTRUCTION_WORDS =
  'instructions instruction guidelines directions directives constraints restrictions programming guidance ' +
  'anweisungen anweisung instruktionen vorgaben instrucciones consignes istruzioni instrucoes';
const AI_WORDS = 'chatgpt openai ai assistant llm gpt anthropic claude gemini bard chatbot';
const LIMITS = 'restrictions limitations limits filters filter censorship guidelines rules boundaries constraints morals ethics safeguards guardrails';
const REVEAL = 'reveal print show output repeat display tell give share leak dump copy provide disclose recite list return spell paste echo state what whats were was';

export const SIGNATURE_RULES: readonly SignatureRule[] = [
  // instruction override
  { id: 'override-prior-instructions', category: 'instruction-override', weight: 0.95, steps: [OVERRIDE_VERBS, PRIOR, DIRECTIVES], gap: 4 },
  { id: 'regardless-of-instructions', category: 'instruction-override', weight: 0.9, steps: ['regardless irrespective despite notwithstanding', 'of', PRIOR, DIRECTIVES], gap: 2 },
  { id: 'override-directives', category: 'instruction-override', weight: 0.7, steps: [OVERRIDE_VERBS, INSTRUCTION_WORDS], gap: 2 },
  // `ignore rules`, `override policy`, `discard context` are ordinary technical phrases (.gitignore rules, lint overrides): weak evidence only.
  { id: 'override-technical-directives', category: 'instruction-override', weight: 0.4, steps: [OVERRIDE_VERBS, 'rules commands orders context policy policies training prompt prompts regeln befehle reglas regles regole regras'], gap: 2 },
  { id: 'ignore-the-above', category: 'instruction-override', weight: 0.75, steps: ['ignore disregard forget', 'above previous preceding prior everything'], gap: 1 },
  { id: 'stop-following', category: 'instruction-override', weight: 0.85, steps: ['not stop never longer t', 'follow obey comply adhere abide following obeying complying', `previous prior original system above your any these those openai safety`, DIRECTIVES], gap: 2 },
  { id: 'new-instructions', category: 'instruction-override', weight: 0.6, steps: ['new updated revised real actual true secret hidden', 'instructions directive directives orders'], gap: 1 },
  { id: 'in-your-response', category: 'instruction-override', weight: 0.3, indirectWeight: 0.75, steps: ['include insert add append write output print start begin end', 'in at with', 'your', 'response answer reply output'], gap: 6 },
  { id: 'your-task-is', category: 'instruction-override', weight: 0.2, indirectWeight: 0.6, steps: ['your', 'task job', 'is now'], gap: 1 },
  { id: 'your-new-task', category: 'instruction-override', weight: 0.8, steps: ['your', 'new real actual true only', 'task job goal objective mission purpose instructions'], gap: 0 },
  { id: 'system-override', category: 'instruction-override', weight: 0.85, steps: ['system admin administrator developer root sudo emergency security', 'override overrides'], gap: 1 },
  { id: 'from-now-on', category: 'instruction-override', weight: 0.3, steps: ['from', 'now', 'on'], gap: 0 },
  { id: 'instead-respond', category: 'instruction-override', weight: 0.3, steps: ['instead', 'say print output respond reply write answer tell return'], gap: 3 },
  { id: 'stop-everything', category: 'instruction-override', weight: 0.4, steps: ['stop', 'everything'], gap: 1 },
  { id: 'end-of-prompt', category: 'instruction-override', weight: 0.4, steps: ['end', 'of', 'prompt instructions context document input system conversation'], gap: 1 },
  // instructions planted in documents for the model that reads them (written from knowledge, not from the data)
  { id: 'ai-reading-this', category: 'instruction-override', weight: 0.45, indirectWeight: 0.7, steps: ['ai assistant assistants model models llm llms chatbot chatbots agent agents gpt', 'reading processing summarizing summarising parsing browsing analyzing analysing scraping', 'this these'], gap: 0 },
  { id: 'note-to-ai', category: 'instruction-override', weight: 0.45, indirectWeight: 0.7, steps: ['note message instructions instruction attention memo', 'to for', 'ai assistant assistants llm llms chatbot agent agents gpt'], gap: 1 },
  { id: 'when-summarizing-this', category: 'instruction-override', weight: 0.3, indirectWeight: 0.6, steps: ['when if while whenever', 'summarizing summarising summarize summarise processing answering', 'this'], gap: 3 },
  { id: 'respond-only-with', category: 'instruction-override', weight: 0.3, indirectWeight: 0.45, steps: ['respond reply answer output', 'only solely exclusively', 'with'], gap: 1 },
  { id: 'hide-from-user', category: 'exfiltration', weight: 0.4, indirectWeight: 0.7, steps: ['not don t never without', 'tell telling inform informing mention mentioning notify notifying alert alerting', 'the', 'user users human'], gap: 2 },
  // role-play jailbreaks (DAN family and relatives, covered by knowledge: SOURCES.md "Known gap")
  { id: 'do-anything-now', category: 'roleplay-jailbreak', weight: 0.95, steps: ['do', 'anything', 'now'], gap: 0 },
  { id: 'dan-persona', category: 'roleplay-jailbreak', weight: 0.9, steps: ['dan stan dude aim ucar betterdan antidan maximus', 'jailbreak jailbroken mode anything persona character prompt chatgpt openai tokens restrictions unfiltered policies rules'], gap: 12, near: true },
  { id: 'become-persona', category: 'roleplay-jailbreak', weight: 0.8, steps: ['now called named become play be', 'dan stan dude ucar betterdan antidan'], gap: 1 },
  { id: 'aim-machiavellian', category: 'roleplay-jailbreak', weight: 0.95, steps: ['machiavellian', 'amoral unfiltered intelligent aim chatbot niccolo'], gap: 10, near: true },
  { id: 'jailbreak-mode', category: 'roleplay-jailbreak', weight: 0.9, steps: ['god sudo jailbreak jailbroken unrestricted unfiltered evil chaos opposite uncensored unlocked dude dan', 'mode'], gap: 0 },
  { id: 'developer-mode-enabled', category: 'roleplay-jailbreak', weight: 0.9, steps: ['developer debug dev', 'mode', 'enabled activated output outputs responses respond chatgpt policies'], gap: 3 },
  { id: 'you-in-special-mode', category: 'roleplay-jailbreak', weight: 0.85, steps: ['you', 'operating running now in entering entered', 'developer god admin sudo maintenance unrestricted jailbreak jailbroken dan', 'mode'], gap: 2 },
  { id: 'grant-privileges', category: 'tool-abuse', weight: 0.6, steps: ['grant give enable escalate elevate', 'temporary administrative admin root elevated full unrestricted superuser', 'privileges access rights permissions'], gap: 2 },
  { id: 'developer-mode', category: 'roleplay-jailbreak', weight: 0.4, steps: ['developer debug', 'mode'], gap: 0 },
  { id: 'ai-without-limits', category: 'roleplay-jailbreak', weight: 0.8, steps: ['no without free freed zero unbound unlimited beyond', LIMITS, AI_WORDS], gap: 6 },
  { id: 'ai-without-limits-2', category: 'roleplay-jailbreak', weight: 0.8, steps: [AI_WORDS, 'no without free freed zero unbound unlimited beyond', LIMITS], gap: 6 },
  { id: 'without-limits', category: 'roleplay-jailbreak', weight: 0.3, steps: ['no without free freed unbound unlimited', LIMITS], gap: 2 },
  { id: 'not-bound-by', category: 'roleplay-jailbreak', weight: 0.75, steps: ['not no longer never', 'bound restricted constrained beholden subject', 'rules policies policy guidelines openai ethics morals restrictions limitations filters content'], gap: 4 },
  { id: 'break-content-policy', category: 'roleplay-jailbreak', weight: 0.85, steps: ['ignore bypass break violate disregard ignores breaks violates circumvent evade against free freed without', 'openai anthropic content safety usage', 'policy policies guidelines filters filter restrictions'], gap: 4 },
  { id: 'jailbreak-word', category: 'roleplay-jailbreak', weight: 0.5, steps: ['jailbreak jailbroken jailbreaking'], gap: 0 },
  { id: 'jailbreak-ai', category: 'roleplay-jailbreak', weight: 0.85, steps: ['jailbreak jailbroken jailbreaking', AI_WORDS], gap: 8, near: true },
  { id: 'amoral-ai', category: 'roleplay-jailbreak', weight: 0.8, steps: ['amoral unethical unfiltered uncensored unrestricted', 'ai chatbot assistant model character persona version response responses bot gpt'], gap: 3, near: true },
  { id: 'stay-in-character', category: 'roleplay-jailbreak', weight: 0.45, steps: ['stay remain stays', 'in', 'character'], gap: 0 },
  { id: 'named-jailbreaks', category: 'roleplay-jailbreak', weight: 0.9, steps: ['betterdan antidan wormgpt fraudgpt darkgpt evilbot chaosgpt basedgpt devmode jailbreakgpt dudegpt antigpt burple balakula apophis chadgpt persongpt nraf hackerman ucar translatorbot alphabreak'], gap: 0 },
  { id: 'mongo-tom', category: 'roleplay-jailbreak', weight: 0.9, steps: ['mongo', 'tom'], gap: 0 },
  { id: 'evil-confidant', category: 'roleplay-jailbreak', weight: 0.8, steps: ['evil', 'confidant twin ai bot assistant'], gap: 0 },
  { id: 'token-penalty', category: 'roleplay-jailbreak', weight: 0.4, steps: ['lose deducted deduct', 'tokens token'], gap: 3 },
  { id: 'pretend-unrestricted', category: 'roleplay-jailbreak', weight: 0.45, steps: ['pretend imagine act roleplay simulate emulate become', 'unrestricted unfiltered uncensored evil amoral rogue malicious anything'], gap: 8 },
  { id: 'no-ethical-guidelines', category: 'roleplay-jailbreak', weight: 0.8, steps: ['no without doesn don t never lacks any', 'ethical moral ethics morals morality', 'guidelines principles restrictions boundaries filters standards compass constraints code'], gap: 5 },
  { id: 'without-regard-legality', category: 'roleplay-jailbreak', weight: 0.7, steps: ['without regardless', 'regard regarding considering caring care', 'illegal legality legal morality ethics whether harmful'], gap: 3 },
  { id: 'typical-confines', category: 'roleplay-jailbreak', weight: 0.85, steps: ['typical usual', 'confines'], gap: 0 },
  { id: 'two-entities', category: 'roleplay-jailbreak', weight: 0.5, steps: ['two', 'entities'], gap: 0 },
  { id: 'condition-red', category: 'roleplay-jailbreak', weight: 0.6, steps: ['condition', 'red'], gap: 0 },
  { id: 'never-refuse', category: 'roleplay-jailbreak', weight: 0.75, steps: ['never not t cannot', 'refuse refuses decline declines reject rejects deny', 'answer answers request requests question questions prompt prompts anything order orders'], gap: 3 },
  { id: 'no-warnings', category: 'roleplay-jailbreak', weight: 0.4, steps: ['no without any never', 'warnings warning disclaimers disclaimer apologies apologize caveats'], gap: 2 },
  { id: 'hypothetical-response', category: 'roleplay-jailbreak', weight: 0.6, steps: ['hypothetical', 'response'], gap: 0 },
  { id: 'openai-content-policy', category: 'roleplay-jailbreak', weight: 0.5, steps: ['openai', 'content usage', 'policy policies'], gap: 1 },
  { id: 'template-placeholder', category: 'roleplay-jailbreak', weight: 0.7, steps: ['insert', 'prompt question', 'here'], gap: 0 },
  { id: 'dr-al', category: 'roleplay-jailbreak', weight: 0.6, steps: ['dr', 'al'], gap: 0 },
  { id: 'break-character', category: 'roleplay-jailbreak', weight: 0.45, steps: ['break breaking broke', 'character'], gap: 1 },
  { id: 'act-as-from-now', category: 'roleplay-jailbreak', weight: 0.35, steps: ['now', 'on', 'you', 'act pretend behave respond'], gap: 4 },
  // Forced affirmative prefix: the target string of GCG/PAIR-style attacks (`Begin your reply with: "Sure, here is …"`).
  { id: 'forced-affirmative-prefix', category: 'roleplay-jailbreak', weight: 0.8, steps: ['begin start open', 'reply replying response respond responding answer answering output', 'sure certainly absolutely'], gap: 4 },
  { id: 'forced-affirmative-prefix', category: 'roleplay-jailbreak', weight: 0.8, steps: ['reply response answer output', 'begins begin starts start beginning starting opens', 'sure certainly absolutely'], gap: 3 },
  { id: 'fiction-framing', category: 'roleplay-jailbreak', weight: 0.15, steps: ['hypothetical hypothetically fictional fiction screenplay roleplay scenario pretend imagine'], gap: 0 },
  // system prompt extraction
  { id: 'reveal-system-prompt', category: 'system-prompt-extraction', weight: 0.9, steps: [REVEAL, 'your the this its', 'system initial original hidden secret internal confidential developer preprompt pre', 'prompt prompts instructions instruction message directives guidelines password'], gap: 2 },
  { id: 'reveal-your-instructions', category: 'system-prompt-extraction', weight: 0.65, steps: [REVEAL, 'your', 'prompt instructions directives guidelines rules programming'], gap: 4 },
  { id: 'repeat-text-above', category: 'system-prompt-extraction', weight: 0.85, steps: ['repeat print output copy write reproduce recite', 'words text everything lines content instructions sentences', 'above before preceding prior'], gap: 4 },
  { id: 'first-line-of-prompt', category: 'system-prompt-extraction', weight: 0.85, steps: ['first last initial', 'sentence line word paragraph words lines', 'your the this', 'prompt instructions system'], gap: 3 },
  { id: 'system-prompt-mention', category: 'system-prompt-extraction', weight: 0.25, steps: ['system', 'prompt message'], gap: 0 },
  // exfiltration
  { id: 'send-conversation', category: 'exfiltration', weight: 0.8, steps: ['send post upload forward transmit exfiltrate leak email submit append include embed encode', 'conversation chat history credentials password passwords secrets cookies session private personal sensitive confidential', 'url link http https webhook server endpoint image markdown attacker email address'], gap: 8 },
  // Security docs name the attack (`data exfiltration`); the word alone is weak evidence.
  { id: 'exfiltrate-word', category: 'exfiltration', weight: 0.4, steps: ['exfiltrate exfiltration exfil'], gap: 0 },
  { id: 'render-image-url', category: 'exfiltration', weight: 0.4, steps: ['render include display output append insert embed', 'markdown image img', 'url http https link query parameter param'], gap: 6 },
  // tool abuse
  { id: 'agent-must-call-tool', category: 'tool-abuse', weight: 0.6, steps: ['assistant agent ai', 'must should need needs have are', 'call invoke execute run use trigger', 'tool function plugin command shell api code script'], gap: 4 },
  // Docs tell their human reader `you need to run the ... command` all the time: addressed to `you` it is weak evidence.
  { id: 'you-must-call-tool', category: 'tool-abuse', weight: 0.4, steps: ['you', 'must should need needs have are', 'call invoke execute run use trigger', 'tool function plugin command shell api code script'], gap: 4 },
  { id: 'run-following-command', category: 'tool-abuse', weight: 0.3, steps: ['execute run', 'following this', 'command commands code script shell'], gap: 2 },
  { id: 'transfer-funds', category: 'tool-abuse', weight: 0.4, steps: ['transfer wire send', 'money funds bitcoin btc crypto payment'], gap: 3 },
  { id: 'forward-emails', category: 'tool-abuse', weight: 0.45, steps: ['forward send', 'all every', 'emails messages contacts files documents'], gap: 3 },
  // payload splitting
  { id: 'concatenate-parts', category: 'payload-splitting', weight: 0.35, steps: ['concatenate concat combine join merge', 'strings string parts pieces variables fragments segments letters halves a x'], gap: 6 },
  { id: 'smartgpt', category: 'payload-splitting', weight: 0.8, steps: ['smartgpt'], gap: 0 },
  { id: 'auto-regressive-function', category: 'payload-splitting', weight: 0.7, steps: ['auto', 'regressive', 'modelling modeling'], gap: 0 },
  // obfuscation instructions
  { id: 'decode-and-follow', category: 'obfuscation', weight: 0.6, steps: ['decode decrypt decipher translate convert interpret', 'base64 b64 hex hexadecimal rot13 binary morse cipher caesar encoded reversed backwards leetspeak', 'follow execute do perform obey carry respond run instructions instruction'], gap: 8 },
];
