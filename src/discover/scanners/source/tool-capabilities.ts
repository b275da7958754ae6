/**
 * What a tool body can do (shell, file-write, http, email, sql) and whether an approval step
 * is visible. Markers are matched on normalised code (lower-case, no `_`, no `()`, no spaces;
 * see call-patterns.ts) and must start at a word boundary, so `forgot(` is not `got(`.
 */
import { normaliseCall } from './call-patterns.js';

export type Capability = 'shell' | 'file-write' | 'http' | 'email' | 'sql';

const MARKERS: Readonly<Record<Capability, readonly string[]>> = {
  shell: [
    'subprocess.', 'os.system(', 'os.popen(', 'os.execv', 'os.spawn', 'childprocess', 'execsync(', 'execfile(', 'execfilesync(',
    'spawn(', 'spawnsync(', 'exec.command(', 'exec.commandcontext(', 'runtime.getruntime.exec(', 'processbuilder(', 'shelljs',
    'execa(', 'pty.spawn(', 'asyncio.createsubprocessexec(', 'asyncio.createsubprocessshell(', 'process.start(', 'shelltool(',
    'pythonrepltool(', 'pythonrepl(', 'localcommandlinecodeexecutor(', 'codeinterpretertool(', 'shelltools(', 'pythontools(',
  ],
  'file-write': [
    'writefile(', 'writefilesync(', 'appendfile(', 'appendfilesync(', 'createwritestream(', 'fs.write(', 'fs.writesync(', 'fs.rm(',
    'fs.rmsync(', 'fs.unlink(', 'unlinksync(', 'writetext(', 'writebytes(', 'shutil.', 'os.remove(', 'os.unlink(', 'os.rename(',
    'os.rmdir(', 'os.writefile(', 'os.create(', 'os.removeall(', 'ioutil.writefile(', 'files.write', 'files.delete(', 'files.move(', 'filewriter(',
    'fileoutputstream(', 'file.writealltext(', 'file.delete(', 'writefiletool(', 'filemanagementtoolkit(', 'filewritertool(', 'filetools(',
  ],
  http: [
    'fetch(', 'axios', 'requests.get(', 'requests.post(', 'requests.put(', 'requests.patch(', 'requests.delete(', 'requests.request(',
    'requests.session', 'httpx.', 'aiohttp.', 'urllib.request', 'urlopen(', 'http.get(', 'http.post(', 'http.newrequest', 'http.request(',
    'https.request(', 'https.get(', 'got(', 'got.post(', 'superagent', 'httpclient', 'resttemplate', 'webclient', 'okhttp', 'ky.post(',
    'undici', 'requestspostool(', 'requeststoolkit(',
  ],
  email: [
    'smtplib', 'sendmail(', 'sendemail(', 'nodemailer', 'sesclient', 'sendemailcommand', 'sgmail.send', 'resend.emails', 'mailgun',
    'postmark', 'javamailsender', 'transport.send(', 'mimemessage', 'gmailsendmessage(', 'gmailtoolkit(',
  ],
  sql: [
    'cursor.execute(', '.executemany(', 'db.query(', 'pool.query(', 'client.query(', 'conn.query(', 'connection.query(', 'db.exec(',
    'db.execute(', 'conn.execute(', 'connection.execute(', 'session.execute(', 'engine.execute(', 'executequery(', 'executeupdate(',
    'createstatement(', 'preparestatement(', '$queryraw', '$executeraw', 'queryrawunsafe', 'knex.raw(', 'sequelize.query(',
    'sqldatabase', 'sqlite3.connect(', 'psycopg', 'db.queryrow', 'db.querycontext(', 'db.execcontext(', 'sql.open(',
  ],
};

const SQL_LITERAL = /^\s*(select\s[\s\S]{0,400}\sfrom\s|insert\s+into\s|update\s+\w{1,64}\s+set\s|delete\s+from\s|drop\s+table\s)/i;
const WRITE_OPEN = /\bopen\s*\([^)\n]{0,200}['"][wax]b?\+?['"]/;
const CODE_EXEC = /(^|[^\w.])(exec|eval)\s*\(/;

function hasWord(hay: string, needle: string): boolean {
  const wordStart = /[a-z0-9$]/.test(needle[0] ?? '');
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (!wordStart || at === 0 || !/[a-z0-9$]/.test(hay[at - 1] ?? '')) return true;
  }
  return false;
}

export interface CapabilityInput {
  /** Code view of the tool's extent(s). */
  readonly code: string;
  /** Same extent with strings kept (for `open(p, "w")` and SQL literals). */
  readonly withStrings: readonly string[];
  /** Python: bare `exec(`/`eval(` run code (JS child_process aliases are handled by the tool detector). */
  readonly bareExecIsShell: boolean;
}

/** Capabilities visible in a tool's code, in a fixed order. */
export function capabilitiesOf(input: CapabilityInput): Capability[] {
  const norm = normaliseCall(input.code);
  const found: Capability[] = [];
  for (const cap of Object.keys(MARKERS) as Capability[]) {
    if (MARKERS[cap].some((m) => hasWord(norm, m))) found.push(cap);
  }
  const add = (c: Capability): void => void (found.includes(c) || found.push(c));
  if (input.bareExecIsShell && CODE_EXEC.test(input.code)) add('shell');
  for (const text of input.withStrings) {
    if (WRITE_OPEN.test(text)) add('file-write');
  }
  return found;
}

/** What a prebuilt framework tool can do, by class name (`ShellTool`, `FileManagementToolkit` …). */
export function prebuiltCapabilities(name: string): Capability[] {
  if (/^(ShellTool|PythonREPLTool|CodeInterpreterTool|LocalCommandLineCodeExecutor|ShellTools|PythonTools)$/.test(name)) return ['shell'];
  if (/^(WriteFileTool|FileManagementToolkit|FileWriterTool|FileTools)$/.test(name)) return ['file-write'];
  if (/^(RequestsPostTool|RequestsToolkit)$/.test(name)) return ['http'];
  if (/^(GmailSendMessage|GmailToolkit)$/.test(name)) return ['email'];
  if (/^(SQLDatabaseToolkit|QuerySQLDataBaseTool)$/.test(name)) return ['sql'];
  return [];
}

/** SQL in string literals counts as running SQL. */
export function literalIsSql(value: string): boolean {
  return SQL_LITERAL.test(value);
}

const APPROVAL_MARKERS = ['interrupt(', 'approv', 'confirm', 'humaninput', 'humanintheloop', 'requireconfirmation'];
const FILE_APPROVAL_MARKERS = [
  'humanapprovalcallbackhandler', 'humanintheloopmiddleware', 'interruptbefore', 'interrupton', 'toolapproval', 'humaninputmode="always"',
  "humaninputmode='always'", 'approvalrequiredaifunction',
];
/** `requireApproval: 'never'`, `needsApproval: false` say there is no approval. */
const NEGATED = /^[a-z]{0,24}[:=]['"]?(never|false|none|0)\b/;

function hasApproval(norm: string, markers: readonly string[]): boolean {
  for (const m of markers) {
    for (let at = norm.indexOf(m); at >= 0; at = norm.indexOf(m, at + 1)) {
      if (!NEGATED.test(norm.slice(at + m.length, at + m.length + 40))) return true;
    }
  }
  return false;
}

/** Every approval marker contains one of these (any case): a cheap test before normalising. */
const APPROVAL_HINT = /interrupt|approv|confirm|human/i;

/** Approval visible in the tool's own definition (strings kept: `human_input_mode="ALWAYS"`). */
export function toolHasApproval(definitionWithStrings: string): boolean {
  return APPROVAL_HINT.test(definitionWithStrings) && hasApproval(normaliseCall(definitionWithStrings), APPROVAL_MARKERS);
}

/** Approval wired at the agent/graph level anywhere in the file. */
export function fileHasApproval(noComments: string): boolean {
  return APPROVAL_HINT.test(noComments) && hasApproval(normaliseCall(noComments), FILE_APPROVAL_MARKERS);
}
