// aws-ses-v2-local with its mailbox kept in a file: `node ses-local-with-mailbox.js --mailbox FILE --host H --port P`.
// Started by NodeEmulator (infrastructure/local-aws) when the local runtime has a data directory.
//
// aws-ses-v2-local keeps sent mail in memory only. This loads every mail recorded in FILE (one JSON object a line)
// into its store, then records each new one there before the SendEmail call is answered (the server's handlers call
// the store module's exported saveEmail at call time, so replacing the export is enough). A mail whose SendEmail was
// answered is in the file even if the process is killed; a line cut short by such a kill is skipped at the next start.
'use strict';
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : undefined;
};
const mailboxFile = option('--mailbox');
if (!mailboxFile) {
  console.error('ses-local-with-mailbox.js: --mailbox FILE is required');
  process.exit(2);
}
const dist = path.join(__dirname, 'node_modules', 'aws-ses-v2-local', 'dist');
const store = require(path.join(dist, 'store.js'));
const startServer = require(path.join(dist, 'index.js')).default;

fs.mkdirSync(path.dirname(mailboxFile), { recursive: true });
let restored = 0;
let skipped = 0;
if (fs.existsSync(mailboxFile)) {
  for (const line of fs.readFileSync(mailboxFile, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      store.getStoreReadonly().emails.push(JSON.parse(line));
      restored++;
    } catch (cutShort) {
      skipped++;
    }
  }
}
const file = fs.openSync(mailboxFile, 'a');

const saveEmail = store.saveEmail;
store.saveEmail = (email) => {
  // the mail reaches the file before the handler answers; only then the in-memory store
  fs.writeSync(file, JSON.stringify(email) + '\n');
  saveEmail(email);
};
const clearStore = store.clearStore;
store.clearStore = () => {
  fs.ftruncateSync(file, 0);
  clearStore();
};

const host = option('--host');
const port = option('--port');
console.log(`aws-ses-v2-local: mailbox ${mailboxFile}: ${restored} mails restored` + (skipped ? `, ${skipped} cut-short lines skipped` : ''));
startServer({ ...(host ? { host } : {}), ...(port ? { port: Number(port) } : {}) })
  .then(() => console.log(`aws-ses-v2-local: server running at http://${host}:${port}`))
  .catch((error) => {
    console.log('aws-ses-v2-local: failed to start server');
    console.error(error);
    process.exit(1);
  });
